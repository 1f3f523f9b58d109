// npm run bench: how fast the answer path is, next to what the platform allows, in one run.
//   1. requests/s, p50 and p99 at the same concurrency for: a bare node:http server that reads a
//      form and answers 303; a bare SvelteKit endpoint and a bare form action doing the same in
//      this build; and the answer action (grade + durable insert). Then the ratios. Beside each,
//      the server's CPU per request: the whole process, and its main thread (the event loop).
//   2. a burst of simultaneous answers: time until the last is acknowledged, and the statuses.
//   3. the JavaScript a phone downloads for the home and play pages, gzipped.
//   4. with a PostgreSQL server (BENCH_POSTGRES, else BYLINE_TEST_POSTGRES, else the local default):
//      the same answer load and burst on PostgreSQL with one instance, then with two instances
//      behind a small round-robin TCP balancer (a process of its own), and with two instances each
//      client talks to directly (what the balancer costs), next to SQLite's figures from this run.
// `npm run bench -- quiz` runs the older full-quiz benchmark instead. Run `npm run build` first.
// Settings: BENCH_CONCURRENCY (50), BENCH_SECONDS (4), BENCH_ROUNDS (3), BENCH_BURST (2000).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';

const root = resolve(import.meta.dirname, '..');
if (process.argv[2] === 'quiz') {
	const run = spawnSync(process.execPath, [join(root, 'scripts/bench-answers.mjs')], {
		stdio: 'inherit'
	});
	process.exit(run.status ?? 1);
}

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const BURST = Number(process.env.BENCH_BURST ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const HOST = '127.0.0.1';
// Servers keep an idle connection for 5 s by default; on a busy machine a client can reuse one
// just as the server closes it ("socket hang up"). The benchmark's connections stay open longer.
const KEEP_ALIVE_SECONDS = '50';

function freePort() {
	return new Promise((done, fail) => {
		const probe = net.createServer();
		probe.once('error', fail);
		probe.listen(0, HOST, () => {
			const { port } = probe.address();
			probe.close(() => done(port));
		});
	});
}

const BARE = `
const http = require('node:http');
const server = http.createServer((req, res) => {
	let body = '';
	req.on('data', (c) => (body += c));
	req.on('end', () => {
		new URLSearchParams(body);
		res.writeHead(303, { location: '/' });
		res.end();
	});
});
server.keepAliveTimeout = ${KEEP_ALIVE_SECONDS} * 1000;
server.listen(Number(process.env.PORT), '${HOST}');
`;

/**
 * A small TCP balancer in a process of its own, handing each new connection to the next instance
 * in turn (as HAProxy in TCP mode or nginx's stream module would): it does not parse HTTP, so it
 * costs the machine little besides copying bytes, and server-sent events pass through unbuffered.
 */
const BALANCER = `
const net = require('node:net');
const backends = JSON.parse(process.env.BACKENDS);
let turn = 0;
net.createServer((client) => {
	const { hostname, port } = new URL(backends[turn++ % backends.length]);
	const upstream = net.connect(Number(port), hostname);
	client.setNoDelay(true);
	upstream.setNoDelay(true);
	client.pipe(upstream).pipe(client);
	const end = () => {
		client.destroy();
		upstream.destroy();
	};
	for (const socket of [client, upstream]) socket.on('error', end).on('close', end);
}).listen(Number(process.env.PORT), '${HOST}');
`;

async function waitFor(url) {
	for (let i = 0; i < 300; i++) {
		try {
			await request(url, 'GET');
			return;
		} catch {
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	throw new Error(`${url} did not start`);
}

/** Requests sent again because the server had closed the kept-alive connection they went out on. */
let resent = 0;

/**
 * One HTTP request on `agent`; resolves with status, location and body once the reply is read. A
 * request that went out on a reused connection the server had just closed is sent once more, as
 * Node's documentation advises for keep-alive clients (they are counted and printed).
 */
function request(url, method, body = '', agent = undefined, headers = {}, again = true) {
	return new Promise((done, fail) => {
		const req = http.request(
			url,
			{
				method,
				agent,
				headers: body
					? {
							'content-type': 'application/x-www-form-urlencoded',
							'content-length': Buffer.byteLength(body),
							...headers
						}
					: headers
			},
			(res) => {
				const chunks = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () =>
					done({
						status: res.statusCode,
						location: res.headers.location,
						body: Buffer.concat(chunks).toString(),
						link: res.headers.link ?? ''
					})
				);
			}
		);
		req.on('error', (error) => {
			if (again && req.reusedSocket && error.code === 'ECONNRESET') {
				resent++;
				request(url, method, body, agent, headers, false).then(done, fail);
			} else fail(error);
		});
		req.end(body);
	});
}

/** The machine's busy and total CPU time so far, over all cores, in clock ticks (Linux). */
function machineTicks() {
	try {
		const ticks = readFileSync('/proc/stat', 'utf8')
			.split('\n')[0]
			.split(/\s+/)
			.slice(1)
			.map(Number);
		const total = ticks.reduce((sum, t) => sum + t, 0);
		// idle and iowait
		return { busy: total - ticks[3] - ticks[4], total };
	} catch {
		return { busy: NaN, total: NaN };
	}
}

/**
 * User + system CPU time the process `pid` has used so far, in seconds (Linux); with `mainThread`,
 * only its main thread's, which runs the event loop (its other threads: the answer thread, the
 * checkpointer, the garbage collector's helpers, libuv's pool).
 */
function cpuSeconds(pid, mainThread = false) {
	try {
		const path = mainThread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`;
		const fields = readFileSync(path, 'utf8').split(') ')[1].split(' ');
		return (Number(fields[11]) + Number(fields[12])) / 100;
	} catch {
		return NaN;
	}
}

const percentile = (sorted, p) =>
	sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;

/**
 * `CONCURRENCY` clients in a loop for `SECONDS`, each sending `next()` and waiting for the reply.
 * `next(client)` returns null when there is nothing left to send.
 */
async function load(next, expected = 303, pid = null) {
	const cpu0 = pid ? cpuSeconds(pid) : 0;
	const loop0 = pid ? cpuSeconds(pid, true) : 0;
	const machine0 = machineTicks();
	const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
	const latencies = [];
	const wrong = new Map();
	const stop = performance.now() + SECONDS * 1000;
	const start = performance.now();
	await Promise.all(
		Array.from({ length: CONCURRENCY }, async (_, client) => {
			for (;;) {
				if (performance.now() >= stop) return;
				const job = await next(client);
				if (!job) return;
				const t0 = performance.now();
				const res = await request(job.url, 'POST', job.body, agent, job.headers);
				latencies.push(performance.now() - t0);
				if (res.status !== expected) wrong.set(res.status, (wrong.get(res.status) ?? 0) + 1);
				job.done?.(res);
			}
		})
	);
	const seconds = (performance.now() - start) / 1000;
	const cpu = pid ? cpuSeconds(pid) - cpu0 : NaN;
	const loop = pid ? cpuSeconds(pid, true) - loop0 : NaN;
	const machine = machineTicks();
	agent.destroy();
	latencies.sort((a, b) => a - b);
	return {
		count: latencies.length,
		rate: latencies.length / seconds,
		p50: percentile(latencies, 50),
		p99: percentile(latencies, 99),
		cpuMicros: (cpu * 1e6) / latencies.length,
		loopMicros: (loop * 1e6) / latencies.length,
		/** How busy the whole machine was meanwhile: every process, every core (1 = all of it). */
		machineBusy: (machine.busy - machine0.busy) / (machine.total - machine0.total),
		wrong
	};
}

/** A valid answer form for each question of the bank (right or wrong does not matter here). */
function answerForms() {
	const out = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/questions-export.ts'], {
		cwd: root,
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024
	});
	if (out.status !== 0) throw new Error(`exporting the bank failed:\n${out.stderr}`);
	const forms = new Map();
	for (const q of JSON.parse(out.stdout).questions) {
		const fields = new URLSearchParams({ question: q.id });
		if (q.type === 'who-said-it' || q.type === 'fact-or-opinion')
			q.correct.forEach((_, i) => fields.set(`place-${i}`, q.options[0]));
		else fields.set(q.type === 'select-all' ? 'choices' : 'choice', q.options[0]);
		forms.set(q.id, fields.toString());
	}
	return forms;
}

const children = [];
/** Set once a PostgreSQL benchmark database exists: drops it. */
let dropPostgres;
const dir = mkdtempSync(join(tmpdir(), 'byline-bench-'));
try {
	const [appPort, barePort] = [await freePort(), await freePort()];
	const origin = `http://${HOST}:${appPort}`;
	const dbPath = join(dir, 'bench.db');
	children.push(
		spawn(
			process.execPath,
			[
				...(process.env.BENCH_PROFILE
					? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
					: []),
				'build'
			],
			{
				cwd: root,
				env: {
					...process.env,
					BYLINE_DATABASE: dbPath,
					HOST,
					PORT: String(appPort),
					ORIGIN: origin,
					BYLINE_BENCH_FLOOR: 'on',
					// Each simulated student comes from an address of its own, as behind a school's
					// proxy, so the per-address cap on free plays counts them apart.
					ADDRESS_HEADER: 'x-forwarded-for',
					KEEP_ALIVE_TIMEOUT: KEEP_ALIVE_SECONDS
				},
				stdio: ['ignore', 'ignore', 'inherit']
			}
		),
		spawn(process.execPath, ['-e', BARE], {
			env: { ...process.env, PORT: String(barePort) },
			stdio: 'ignore'
		})
	);
	const forms = answerForms();
	await waitFor(`${origin}/`);
	await waitFor(`http://${HOST}:${barePort}/`);
	const post = { origin, accept: 'text/html' };

	/**
	 * Starts `n` mixed quizzes; returns each play's path, its questions (read from the store) and
	 * `at`, the server it is played on: `at` itself, or each of a list of servers in turn.
	 */
	let started = 0;
	async function startPlays(n, at = origin, questionsOfPlays = sqliteQuestions) {
		const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
		const servers = [at].flat();
		const paths = [];
		const playedAt = new Map();
		let left = n;
		await Promise.all(
			Array.from({ length: CONCURRENCY }, async () => {
				while (left-- > 0) {
					const server = servers[left % servers.length];
					const res = await request(`${server}/quiz/mixed?/start`, 'POST', 'x=1', agent, {
						...post,
						origin: server,
						// A classroom per 200 plays, so the cap on plays per address is not what is measured.
						'x-forwarded-for': `10.9.${Math.floor(++started / 200) % 250}.1`
					});
					if (res.status !== 303) throw new Error(`starting a play: ${res.status}`);
					paths.push(res.location);
					playedAt.set(res.location, server);
				}
			})
		);
		agent.destroy();
		return (await questionsOfPlays(paths)).map((play) => ({
			...play,
			at: playedAt.get(play.path)
		}));
	}

	async function sqliteQuestions(paths) {
		const store = new BetterSqlite3(dbPath, { readonly: true });
		const questionsOf = store.prepare('SELECT question_ids FROM play WHERE id = ?');
		const plays = paths.map((path) => ({
			path,
			questions: JSON.parse(questionsOf.get(path.split('/').pop()).question_ids)
		}));
		store.close();
		return plays;
	}

	/**
	 * The burst: `BURST` students have the question page open (a warm connection each), then all
	 * answer at once; the time until the last is acknowledged, and the statuses.
	 */
	async function burstAt(at, questionsOfPlays) {
		const burstPlays = await startPlays(BURST, at, questionsOfPlays);
		const students = burstPlays.map((play) => ({
			play,
			agent: new http.Agent({ keepAlive: true, maxSockets: 1 })
		}));
		// The question pages open a few hundred at a time: thousands of connections opened at once
		// overflow the server's listen queue, and the kernel resets some. Only the answers are timed.
		for (let i = 0; i < students.length; i += 250)
			await Promise.all(
				students
					.slice(i, i + 250)
					.map((s) => request(`${s.play.at}${s.play.path}`, 'GET', '', s.agent))
			);
		const statuses = new Map();
		const t0 = performance.now();
		await Promise.all(
			students.map(async (s) => {
				const res = await request(
					`${s.play.at}${s.play.path}?/answer`,
					'POST',
					forms.get(s.play.questions[0]),
					s.agent,
					{ ...post, origin: s.play.at }
				);
				statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
			})
		);
		const burst = performance.now() - t0;
		for (const s of students) s.agent.destroy();
		return { burst, statuses };
	}

	/**
	 * The answer load at `at` (one server, or a list whose servers each get their share of the
	 * plays) for `seconds`, as for SQLite above; then a burst of `BURST`.
	 */
	async function answerLoadAndBurst(at, questionsOfPlays, rate) {
		const plays = await startPlays(
			Math.ceil((rate * SECONDS * 1.2) / 10) + CONCURRENCY,
			at,
			questionsOfPlays
		);
		// A play's next answer is sent only once its last one is acknowledged, as a student would:
		// answers to one play from concurrent clients could otherwise overtake each other.
		const ready = [];
		let fresh = 0;
		const measured = await load(async () => {
			const play = ready.shift() ?? plays[fresh++];
			if (!play) return null;
			const id = play.questions.shift();
			const done = () => {
				if (play.questions.length > 0) ready.push(play);
			};
			const headers = { ...post, origin: play.at };
			return { url: `${play.at}${play.path}?/answer`, body: forms.get(id), headers, done };
		});
		const { burst, statuses } = await burstAt(at, questionsOfPlays);
		return { ...measured, burst, statuses };
	}

	const sample = 'question=q1&choice=Yes';
	const bareUrl = `http://${HOST}:${barePort}/`;
	const floorUrl = `${origin}/testing/floor`;
	const bareJob = async () => ({ url: bareUrl, body: sample });
	const floorJob = async () => ({ url: floorUrl, body: sample, headers: post });
	const actionFloorUrl = `${origin}/testing/floor-action?/answer`;
	const actionFloorJob = async () => ({ url: actionFloorUrl, body: sample, headers: post });
	// Warm both up so the first measured second is not the JIT's; the warm-up also sizes the plays.
	await load(bareJob);
	const warm = await load(floorJob);

	// Enough plays for the answer action to run its warm-up and every round at up to twice the
	// floor's rate.
	const plays = await startPlays(
		Math.ceil((warm.rate * 2 * SECONDS * (ROUNDS + 1)) / 10) + CONCURRENCY
	);
	// Each client is one student at a time: it answers its play's questions in order, then takes
	// the next play.
	let nextPlay = 0;
	const playing = [];
	const answerJob = async (client) => {
		if (!playing[client]?.questions.length) playing[client] = plays[nextPlay++];
		const play = playing[client];
		if (!play) return null;
		const id = play.questions.shift();
		return { url: `${origin}${play.path}?/answer`, body: forms.get(id), headers: post };
	};
	await load(answerJob);

	// Rounds that take turns, so whatever else the machine is doing weighs on all three alike;
	// each figure is the median over the rounds.
	const rounds = [];
	for (let i = 0; i < ROUNDS; i++)
		rounds.push({
			bare: await load(bareJob, 303, children[1].pid),
			floor: await load(floorJob, 303, children[0].pid),
			actionFloor: await load(actionFloorJob, 303, children[0].pid),
			answers: await load(answerJob, 303, children[0].pid)
		});
	const median = (values) => {
		const sorted = [...values].sort((a, b) => a - b);
		return sorted[Math.floor(sorted.length / 2)];
	};
	const summary = (name) => ({
		rate: median(rounds.map((r) => r[name].rate)),
		p50: median(rounds.map((r) => r[name].p50)),
		p99: median(rounds.map((r) => r[name].p99)),
		cpuMicros: median(rounds.map((r) => r[name].cpuMicros)),
		loopMicros: median(rounds.map((r) => r[name].loopMicros)),
		machineBusy: median(rounds.map((r) => r[name].machineBusy)),
		count: rounds.reduce((sum, r) => sum + r[name].count, 0),
		wrong: rounds.reduce((all, r) => {
			for (const [status, n] of r[name].wrong) all.set(status, (all.get(status) ?? 0) + n);
			return all;
		}, new Map())
	});
	const [bare, floor, actionFloor, answers] = ['bare', 'floor', 'actionFloor', 'answers'].map(
		summary
	);
	const ratios = rounds.map((r) => r.answers.rate / r.floor.rate);

	const { burst: burstMs, statuses } = await burstAt(origin, sqliteQuestions);

	// What a phone downloads: every script the page loads or preloads, gzipped.
	async function pageScripts(path) {
		const page = await request(`${origin}${path}`, 'GET');
		// SvelteKit names the page's whole import graph in its Link header; the inline script
		// imports the entry points.
		const urls = new Set(
			[
				...page.link.matchAll(/<([^>]+)>;\s*rel="modulepreload"/g),
				...page.body.matchAll(/import\("([^"]+)"\)/g),
				...page.body.matchAll(/<script[^>]+src="([^"]+)"/g)
			].map((m) => new URL(m[1], `${origin}${path}`).href)
		);
		let raw = 0;
		let gzipped = 0;
		for (const url of urls) {
			const body = (await request(url, 'GET')).body;
			raw += Buffer.byteLength(body);
			gzipped += gzipSync(body).length;
		}
		return { files: urls.size, raw, gzipped };
	}
	const home = await pageScripts('/');
	// A fresh play: the load's plays are answered to the end, and a finished play redirects.
	const playPage = await pageScripts((await startPlays(1))[0].path);

	const ms = (x) => `${x.toFixed(1)} ms`;
	const micros = (x) => (Number.isNaN(x) ? '' : x.toFixed(0));
	const row = (name, r) =>
		`| ${name.padEnd(38)} | ${r.rate.toFixed(0).padStart(10)} | ${ms(r.p50).padStart(9)} | ${ms(r.p99).padStart(9)} | ${micros(r.cpuMicros).padStart(10)} | ${micros(r.loopMicros).padStart(11)} |`;
	console.log(
		`\nSide by side, ${CONCURRENCY} concurrent clients, ${ROUNDS} rounds taking turns, ${SECONDS} s ` +
			`each (loopback, one run; medians over the rounds):\n`
	);
	console.log(
		`| ${'path'.padEnd(38)} | requests/s |       p50 |       p99 | CPU µs/req | loop µs/req |`
	);
	console.log(
		`| ${'-'.repeat(38)} | ---------: | --------: | --------: | ---------: | ----------: |`
	);
	console.log(row('bare node:http POST → 303', bare));
	console.log(row('bare SvelteKit +server.ts POST → 303', floor));
	console.log(row('bare SvelteKit form action → 303', actionFloor));
	console.log(row('answer action (grade + durable commit)', answers));
	console.log(
		`\nanswer action = ${median(ratios).toFixed(2)}× the SvelteKit endpoint ` +
			`(rounds: ${ratios.map((r) => r.toFixed(2)).join(', ')}), ` +
			`${((100 * answers.rate) / bare.rate).toFixed(1)} % of bare node:http ` +
			`(${answers.count} answers, each acknowledged only once its log flush is on disk)`
	);
	const actionRatios = rounds.map((r) => r.actionFloor.rate / r.floor.rate);
	console.log(
		`bare form action = ${median(actionRatios).toFixed(2)}× the SvelteKit endpoint ` +
			`(rounds: ${actionRatios.map((r) => r.toFixed(2)).join(', ')}): the framework's own cost ` +
			`of an action; the answer action's event loop spends ${micros(answers.loopMicros)} µs ` +
			`a request against the endpoint's ${micros(floor.loopMicros)} µs`
	);
	for (const [name, r] of [
		['bare', bare],
		['endpoint', floor],
		['form action', actionFloor],
		['answers', answers]
	])
		if (r.wrong.size) console.log(`unexpected statuses (${name}): ${JSON.stringify([...r.wrong])}`);
	console.log(
		`\nburst: ${BURST} simultaneous answers, last acknowledged after ${(burstMs / 1000).toFixed(2)} s; ` +
			`statuses ${[...statuses].map(([s, n]) => `${s}×${n}`).join(', ')}`
	);
	const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
	console.log(`\nJavaScript a phone downloads (gzipped, every script loaded or preloaded):`);
	console.log(`  home page: ${kb(home.gzipped)} in ${home.files} files (${kb(home.raw)} raw)`);
	console.log(
		`  play page: ${kb(playPage.gzipped)} in ${playPage.files} files (${kb(playPage.raw)} raw)`
	);

	await postgresFigures({ ...answers, burst: burstMs, statuses }, floor.rate, answerLoadAndBurst);
} finally {
	await Promise.all(
		children.map(
			(child) =>
				new Promise((done) => {
					if (child.exitCode !== null || child.signalCode !== null) return done();
					child.once('exit', done);
					child.kill();
					// A server still holding keep-alive connections is not waited for.
					setTimeout(() => child.kill('SIGKILL'), 5000).unref();
				})
		)
	);
	rmSync(dir, { recursive: true, force: true });
	await dropPostgres?.();
}
// Idle keep-alive sockets of the default agent would keep this process up for a while.
process.exit(process.exitCode ?? 0);

async function onPostgres(url, work) {
	const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
	await client.connect();
	try {
		return await work(client);
	} finally {
		await client.end();
	}
}

async function balancer(port, backends) {
	const child = spawn(process.execPath, ['-e', BALANCER], {
		env: { ...process.env, PORT: String(port), BACKENDS: JSON.stringify(backends) },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	children.push(child);
	await waitFor(`http://${HOST}:${port}/`);
	return { close: () => child.kill() };
}

async function postgresFigures(sqlite, floorRate, answerLoadAndBurst) {
	const server =
		process.env.BENCH_POSTGRES ||
		process.env.BYLINE_TEST_POSTGRES ||
		'postgres://byline:byline@127.0.0.1:5432/byline';
	const name = `byline_bench_${process.pid}`;
	try {
		await onPostgres(server, (c) => c.query(`CREATE DATABASE ${name}`));
	} catch (error) {
		console.log(
			`\nPostgreSQL figures skipped: no server at ${new URL(server).host} (${error.message}).`
		);
		return;
	}
	dropPostgres = () =>
		onPostgres(server, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).catch(
			() => {}
		);
	const url = new URL(server);
	url.pathname = `/${name}`;
	const { ORIGIN: _unused, ...withoutOrigin } = process.env;
	void _unused;
	const start = async (port) => {
		const at = `http://${HOST}:${port}`;
		children.push(
			spawn(process.execPath, ['build'], {
				cwd: root,
				// No ORIGIN: each request's own host is the origin, directly or through the balancer.
				env: {
					...withoutOrigin,
					BYLINE_DATABASE: url.toString(),
					HOST,
					PORT: String(port),
					ADDRESS_HEADER: 'x-forwarded-for',
					KEEP_ALIVE_TIMEOUT: KEEP_ALIVE_SECONDS
				},
				stdio: ['ignore', 'ignore', 'inherit']
			})
		);
		await waitFor(`${at}/`);
		return at;
	};
	const questionsOf = async (paths) => {
		const ids = paths.map((p) => p.split('/').pop());
		const rows = await onPostgres(
			url.toString(),
			async (c) =>
				(await c.query('SELECT id, question_ids FROM play WHERE id = ANY($1)', [ids])).rows
		);
		const byId = new Map(rows.map((r) => [r.id, JSON.parse(r.question_ids)]));
		return paths.map((path) => ({ path, questions: byId.get(path.split('/').pop()) }));
	};
	const a = await start(await freePort());
	const phase = (name, promise) =>
		promise.catch((error) => {
			throw new Error(`PostgreSQL ${name}: ${error.message}`);
		});
	const one = await phase('one instance', answerLoadAndBurst(a, questionsOf, floorRate));
	const b = await start(await freePort());
	const lbPort = await freePort();
	const lb = await balancer(lbPort, [a, b]);
	const front = `http://${HOST}:${lbPort}`;
	const two = await phase(
		'two instances',
		answerLoadAndBurst(front, questionsOf, floorRate)
	).finally(() => lb.close());
	// The same two instances with each client sent straight to one of them: what the balancer costs.
	const direct = await phase(
		'two instances, direct',
		answerLoadAndBurst([a, b], questionsOf, floorRate)
	);

	const ms = (x) => `${x.toFixed(1)} ms`;
	const line = (label, r) =>
		`| ${label.padEnd(40)} | ${r.rate.toFixed(0).padStart(9)} | ${ms(r.p50).padStart(9)} | ${ms(r.p99).padStart(9)} | ${(r.burst / 1000).toFixed(2).padStart(8)} s | ${(100 * r.machineBusy).toFixed(0).padStart(10)} % |`;
	console.log(
		`\nThe answer path on each store, ${CONCURRENCY} concurrent clients, burst of ${BURST}:\n`
	);
	// The machine's CPU is every core's time, spent by anything: the instances, PostgreSQL, the
	// clients of this benchmark and the balancer. Near 100 % one instance already uses all there is.
	console.log(
		`| ${'store'.padEnd(40)} | answers/s |       p50 |       p99 |    burst | machine CPU |`
	);
	console.log(`| ${'-'.repeat(40)} | --------: | --------: | --------: | -------: | ----------: |`);
	console.log(line('SQLite, one instance (answer thread)', sqlite));
	console.log(line('PostgreSQL, one instance', one));
	console.log(line('PostgreSQL, two instances + balancer', two));
	console.log(line('PostgreSQL, two instances, no balancer', direct));
	const statusesOf = (r) => [...r.statuses].map(([s, n]) => `${s}×${n}`).join(', ');
	console.log(
		`\ntwo PostgreSQL instances = ${(two.rate / one.rate).toFixed(2)}× one behind the balancer, ` +
			`${(direct.rate / one.rate).toFixed(2)}× one without it; burst statuses: one ` +
			`${statusesOf(one)}; two ${statusesOf(two)}; two without the balancer ${statusesOf(direct)}`
	);
	if (resent)
		console.log(`${resent} requests sent again after their kept-alive connection was reset`);
	console.log(
		`(${cpus().length} cores; load average over the last minute ${loadavg()[0].toFixed(1)}: ` +
			`the benchmark, the instances and PostgreSQL share them with whatever else runs)`
	);
	for (const [label, r] of [
		['PostgreSQL one', one],
		['PostgreSQL two', two],
		['PostgreSQL two direct', direct]
	])
		if (r.wrong.size)
			console.log(`unexpected statuses (${label}): ${JSON.stringify([...r.wrong])}`);
}

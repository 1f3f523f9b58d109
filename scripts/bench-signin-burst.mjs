// npm run bench:signin: how long a static file takes while 25 sign-ins hash their passwords at once.
// Starts `node build` on a fresh SQLite file at the real hash cost (BYLINE_PASSWORD_HASH_COST,
// default 17), fires the burst over loopback HTTP while fetching a file under /_app every 20 ms,
// and prints the file's latency and the burst's answers. Run `npm run build` first.
import { readdirSync } from 'node:fs';
import { startBenchServer } from './bench-server.mjs';

const PORT = (Number(process.env.BYLINE_TEST_PORT_BASE) || 4300) + 74;
const BURST = Number(process.env.BENCH_BURST ?? 25);

const bench = await startBenchServer(PORT);
const { origin: ORIGIN, post } = bench;

const percentile = (sorted, p) =>
	sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

try {
	const email = `bench-${Date.now()}@school.example`;
	const password = 'a long benchmark passphrase';
	const signup = await post('/teach/signup', { name: 'Bench', email, password, inviteCode: '' });
	if (signup.status !== 303) throw new Error(`sign-up answered ${signup.status}`);

	const file = readdirSync('build/client/_app/immutable/entry').find((f) => f.endsWith('.js'));
	const staticPath = `/_app/immutable/entry/${file}`;
	let bursting = true;
	const sample = async (latencies, more) => {
		while (more()) {
			const started = performance.now();
			const res = await fetch(ORIGIN + staticPath);
			await res.arrayBuffer();
			latencies.push(performance.now() - started);
			await new Promise((r) => setTimeout(r, 20));
		}
	};
	// The same file for three seconds with no burst: what this machine does anyway.
	const baseline = [];
	const quietUntil = performance.now() + 3000;
	await sample(baseline, () => performance.now() < quietUntil);
	const latencies = [];
	const sampler = sample(latencies, () => bursting);

	// One account per sign-in, so each one really hashes (the per-account limit would stop most).
	const started = performance.now();
	const answers = await Promise.all(
		Array.from({ length: BURST }, (_, i) =>
			post('/teach/signin', {
				email: i === BURST - 1 ? email : `nobody-${i}@school.example`,
				password: i === BURST - 1 ? password : `wrong guess ${i}`
			}).then((r) => r.status)
		)
	);
	const burstMs = performance.now() - started;
	bursting = false;
	await sampler;

	const figures = (values) => {
		const sorted = [...values].sort((a, b) => a - b);
		return `${sorted.length} fetches: median ${percentile(sorted, 0.5).toFixed(1)} ms, p95 ${percentile(sorted, 0.95).toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms`;
	};
	const counts = answers.reduce((m, s) => ({ ...m, [s]: (m[s] ?? 0) + 1 }), {});
	console.log(
		`sign-in burst: ${BURST} requests in ${(burstMs / 1000).toFixed(2)} s, answers ${JSON.stringify(counts)}`
	);
	console.log(`static file with no burst (${figures(baseline)})`);
	console.log(`static file during the burst (${figures(latencies)})`);
} finally {
	bench.stop();
}

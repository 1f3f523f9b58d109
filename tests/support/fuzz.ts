import { request as httpRequest } from 'node:http';
import { bank } from './bank';

/**
 * Hostile traffic for a running server: every route and action, every method, undecodable and
 * random paths, wrong content types, broken and huge bodies, prototype names, control
 * characters. Drawn from a seeded generator, so a failing run can be repeated exactly.
 */

/** A small fast PRNG (mulberry32): the same seed always gives the same requests. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface RawResponse {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

export interface RawRequest {
	method: string;
	/** Sent as it is, undecodable bytes and all. */
	path: string;
	headers: Record<string, string>;
	body?: Buffer;
}

/** One request over plain HTTP with the path left exactly as given. */
export function send(base: string, req: RawRequest, timeoutMs = 15_000): Promise<RawResponse> {
	const url = new URL(base);
	return new Promise((resolve, reject) => {
		const r = httpRequest(
			{
				host: url.hostname,
				port: url.port,
				method: req.method,
				path: req.path,
				headers: req.body
					? { ...req.headers, 'content-length': String(req.body.length) }
					: req.headers,
				// A connection per request: one the server closes (a body over the limit) then
				// never takes the next request down with it.
				agent: false,
				// A long path comes back in a redirect's Location: read it, however long.
				maxHeaderSize: 1 << 20,
				timeout: timeoutMs
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						headers: res.headers,
						body: Buffer.concat(chunks).toString('utf8')
					})
				);
				res.on('error', reject);
			}
		);
		r.on('timeout', () => r.destroy(new Error(`no answer within ${timeoutMs} ms`)));
		r.on('error', reject);
		r.end(req.body);
	});
}

/** Real ids and cookies on the server, so requests reach past the "not found" checks. */
export interface Fixtures {
	origin: string;
	teacherCookie: string;
	classId: string;
	assignmentId: string;
	joinCode: string;
	studentCookie: string;
	playId: string;
	assignmentPlayId: string;
	kioskId: string;
	kioskToken: string;
	kioskPlayId: string;
	questionIds: string[];
}

export function cookieFrom(res: RawResponse, name: string): string {
	const all = [res.headers['set-cookie'] ?? []].flat();
	const found = all.find((c) => c.startsWith(`${name}=`));
	if (!found) throw new Error(`no ${name} cookie in the answer (${res.status})`);
	return found.split(';')[0] ?? '';
}

export function locationOf(res: RawResponse, pattern: RegExp): RegExpMatchArray {
	const location = String(res.headers['location'] ?? '');
	const match = location.match(pattern);
	if (res.status !== 303 || !match)
		throw new Error(`expected a 303 to ${pattern}, got ${res.status} ${location}\n${res.body}`);
	return match;
}

export function formBody(fields: Record<string, string | string[]>): Buffer {
	const body = new URLSearchParams();
	for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
	return Buffer.from(body.toString());
}

/** Posts form fields as a browser without JavaScript would, from the server's own origin. */
export function postFields(
	base: string,
	path: string,
	fields: Record<string, string | string[]>,
	headers: Record<string, string> = {}
): Promise<RawResponse> {
	return send(base, {
		method: 'POST',
		path,
		headers: {
			origin: new URL(base).origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			...headers
		},
		body: formBody(fields)
	});
}

/** Signs a teacher up and creates a class, an assignment, a kiosk and a few plays. */
export async function setUpFixtures(base: string): Promise<Fixtures> {
	const origin = new URL(base).origin;
	const post = (path: string, fields: Record<string, string | string[]>, cookie = '') =>
		postFields(base, path, fields, cookie ? { cookie } : {});
	const get = (path: string, cookie: string) =>
		send(base, { method: 'GET', path, headers: { cookie, accept: 'text/html' } });

	const signup = await post('/teach/signup', {
		name: 'Ms Fuzz',
		email: `fuzz-${Date.now()}@school.example`,
		password: 'a long fuzzing passphrase',
		inviteCode: ''
	});
	const teacherCookie = cookieFrom(signup, 'byline_session');
	const [, classId = ''] = locationOf(
		await post('/teach?/createClass', { name: 'Fuzz class' }, teacherCookie),
		/^\/teach\/classes\/([\w-]+)$/
	);
	const questionIds = bank.questions.slice(0, 3).map((q) => q.id);
	const [, assignmentId = ''] = locationOf(
		await post(
			`/teach/classes/${classId}/new?/create`,
			{
				pick: 'hand',
				question: questionIds,
				title: 'Fuzz assignment',
				instructions: '',
				questionOrder: 'fixed',
				feedback: 'each',
				attempts: '3',
				attemptCounts: 'best',
				names: 'typed'
			},
			teacherCookie
		),
		/^\/teach\/assignments\/([\w-]+)$/
	);
	const dashboard = await get(`/teach/assignments/${assignmentId}`, teacherCookie);
	const [, joinCode = ''] = dashboard.body.match(/\/join\/([A-Z0-9]{6})/) ?? [];
	if (!joinCode) throw new Error('no join code on the dashboard');
	const joined = await post(`/join/${joinCode}?/join`, { name: 'Fuzzy Student' });
	const studentCookie = cookieFrom(joined, `byline_student_${assignmentId}`);
	const [, assignmentPlayId = ''] = locationOf(joined, /^\/play\/([\w-]+)$/);
	const [, playId = ''] = locationOf(await post('/quiz/mixed?/start', {}), /^\/play\/([\w-]+)$/);
	const created = await post(
		'/teach/kiosks/new',
		{
			title: 'Fuzz kiosk',
			quizzes: 'mixed',
			roundSize: '3',
			idleSeconds: '60',
			leaderboard: 'on'
		},
		teacherCookie
	);
	const [, kioskId = ''] = locationOf(created, /^\/teach\/kiosks\/([\w-]+)$/);
	const shownOnce = cookieFrom(created, 'byline_kiosk_address');
	const kioskPage = await get(`/teach/kiosks/${kioskId}`, `${teacherCookie}; ${shownOnce}`);
	const [, kioskToken = ''] = kioskPage.body.match(/\/kiosk\/([A-Za-z0-9_-]{22})/) ?? [];
	if (!kioskToken) throw new Error('no kiosk address on the kiosk page');
	const [, kioskPlayId = ''] = locationOf(
		await post(`/kiosk/${kioskToken}?/start`, {}),
		/\/play\/([\w-]+)$/
	);
	return {
		origin,
		teacherCookie,
		classId,
		assignmentId,
		joinCode,
		studentCookie,
		playId,
		assignmentPlayId,
		kioskId,
		kioskToken,
		kioskPlayId,
		questionIds
	};
}

/** Actions that would end the fixtures for the rest of the run; sent without the teacher. */
const DESTRUCTIVE = new Set(['delete', 'deleteClass', 'revoke', 'renew', 'reset']);

const PROTOTYPE_NAMES = [
	'__proto__',
	'constructor',
	'valueOf',
	'toString',
	'hasOwnProperty',
	'isPrototypeOf',
	'__defineGetter__',
	'default'
];

/** Every route, with the form actions it has. */
function routes(f: Fixtures): [path: string, actions: string[]][] {
	const a = `/teach/assignments/${f.assignmentId}`;
	const k = `/kiosk/${f.kioskToken}`;
	return [
		['/', []],
		['/quiz/mixed', ['start']],
		[`/quiz/${bank.questions[0]?.articles[0] ?? 'x'}`, ['start']],
		[`/play/${f.playId}`, ['answer']],
		[`/play/${f.assignmentPlayId}`, ['answer']],
		[`/play/${f.playId}/feedback/1`, []],
		[`/play/${f.playId}/results`, []],
		[`/articles/${bank.questions[0]?.articles[0] ?? 'x'}`, []],
		['/join', ['default']],
		[`/join/${f.joinCode}`, ['join']],
		['/teach', ['createClass']],
		['/teach/signin', ['default']],
		['/teach/signup', ['default']],
		['/teach/signout', ['default']],
		[`/teach/classes/${f.classId}`, ['deleteClass']],
		[`/teach/classes/${f.classId}/new`, ['create']],
		[a, ['close', 'reopen', 'delete']],
		[`${a}/projector`, []],
		[`${a}/export`, []],
		[`${a}/students/AAAAAAAAAAAAAAAAAAAAAA`, ['reset', 'delete']],
		['/teach/kiosks', []],
		['/teach/kiosks/new', ['default']],
		[`/teach/kiosks/${f.kioskId}`, ['save', 'deleteEntry', 'revoke', 'renew', 'delete']],
		[k, ['start']],
		[`${k}/board`, []],
		[`${k}/status`, []],
		[`${k}/play/${f.kioskPlayId}`, ['answer']],
		[`${k}/play/${f.kioskPlayId}/feedback/1`, []],
		[`${k}/play/${f.kioskPlayId}/end`, ['post', 'skip']],
		[`${k}/play/${f.kioskPlayId}/discard`, []],
		[`${k}/play/${f.kioskPlayId}/read/x`, []],
		['/testing/clock', []],
		['/_app/version.json', []],
		['/_app/immutable/nothing.js', []],
		['/favicon.ico', []]
	];
}

const METHODS = ['GET', 'GET', 'GET', 'POST', 'POST', 'POST', 'POST', 'HEAD', 'PUT', 'PATCH'];
// Not CONNECT: Node itself closes the socket for it when no proxy is set up, before any app code.
const RARE_METHODS = ['DELETE', 'OPTIONS', 'TRACE', 'PROPFIND', 'FOO'];

const FIELD_NAMES = [
	'name',
	'code',
	'email',
	'password',
	'inviteCode',
	'title',
	'question',
	'choice',
	'choices',
	'quizzes',
	'roundSize',
	'idleSeconds',
	'leaderboard',
	'pick',
	'count',
	'attempts',
	'names',
	'roster',
	'opensAt',
	'closesAt',
	'timeLimit',
	'entry',
	'initials',
	'a[b][c][d]',
	...PROTOTYPE_NAMES
];

function pick<T>(rnd: () => number, list: readonly T[]): T {
	return list[Math.floor(rnd() * list.length)] as T;
}

function randomText(rnd: () => number, length: number): string {
	let s = '';
	for (let i = 0; i < length; i++) {
		const r = rnd();
		if (r < 0.6) s += String.fromCharCode(32 + Math.floor(rnd() * 95));
		else if (r < 0.75) s += String.fromCharCode(Math.floor(rnd() * 32));
		else if (r < 0.85) s += pick(rnd, ['\u200b', '\u202e', '\u202c', '\u2066', '\ufeff', '\u0085']);
		else if (r < 0.95) s += String.fromCodePoint(0xa0 + Math.floor(rnd() * 0x2f00));
		else s += pick(rnd, ['\ud83d\ude00', '\ud800', '\udfff', 'é', 'ß']);
	}
	return s;
}

function fieldValue(rnd: () => number, f: Fixtures): string {
	const r = rnd();
	if (r < 0.1) return '';
	if (r < 0.25) return pick(rnd, f.questionIds);
	if (r < 0.35) return f.joinCode;
	if (r < 0.45) return pick(rnd, ['mixed', 'hand', 'random', 'typed', 'roster', 'anonymous', 'on']);
	if (r < 0.55) return pick(rnd, ['0', '-1', '1', '3', '1e309', 'NaN', '99999999999999999999']);
	if (r < 0.6) return 'x'.repeat(20_000 + Math.floor(rnd() * 100_000));
	if (r < 0.65) return '['.repeat(5000) + ']'.repeat(5000);
	if (r < 0.7) return '=HYPERLINK("http://evil.example")';
	if (r < 0.75) return pick(rnd, ['%zz', '%E0%A4%A', '../../etc/passwd', '<script>x</script>']);
	return randomText(rnd, 1 + Math.floor(rnd() * 60));
}

function randomPath(rnd: () => number): string {
	const pieces = [
		'%g',
		'%zz',
		'%E0%A4%A',
		'%25',
		'%00',
		'%2e%2e',
		'..',
		'a^b',
		'',
		'teach',
		'play',
		'join',
		'kiosk',
		'_app',
		'__data.json',
		'%F0%9F%98%80',
		'%C0%AF',
		'x'.repeat(300),
		'\u00e9'
	];
	let path = '';
	const n = 1 + Math.floor(rnd() * 5);
	for (let i = 0; i < n; i++) path += '/' + pick(rnd, pieces);
	if (rnd() < 0.05) path = '/' + 'a/'.repeat(2000);
	return rawPath(path);
}

/** Bytes a request line can carry: anything else becomes a percent sign and one byte of hex. */
function rawPath(path: string): string {
	return path.replace(/[^\x21-\x7e]/g, (c) => '%' + (c.charCodeAt(0) & 0xff).toString(16));
}

function query(rnd: () => number, actions: string[]): string {
	const r = rnd();
	const action =
		r < 0.55 && actions.length
			? pick(rnd, actions)
			: r < 0.75
				? pick(rnd, PROTOTYPE_NAMES)
				: r < 0.85
					? randomText(rnd, 6)
					: null;
	const parts: string[] = [];
	if (action && action !== 'default') parts.push(rawPath(`/${action}`));
	if (rnd() < 0.1)
		parts.push(`next=${pick(rnd, ['/teach%0d%0aX-Injected:%20yes', '//evil', '%zz'])}`);
	if (rnd() < 0.05) parts.push(`format=${pick(rnd, ['wide', 'long', '__proto__', ''])}`);
	if (rnd() < 0.05) parts.push('x-sveltekit-invalidated=' + pick(rnd, ['01', '1', '%zz', '']));
	return parts.length ? '?' + parts.join('&') : '';
}

function multipart(
	rnd: () => number,
	fields: [string, string][],
	broken: boolean
): { type: string; body: Buffer } {
	const boundary = 'fuzz' + Math.floor(rnd() * 1e9);
	let body = '';
	for (const [k, v] of fields)
		body += `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
	if (rnd() < 0.2)
		body += `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nfile body\r\n`;
	body += broken ? `--${boundary.slice(1)}` : `--${boundary}--\r\n`;
	return {
		type: `multipart/form-data; boundary=${broken && rnd() < 0.5 ? 'other' : boundary}`,
		body: Buffer.from(body)
	};
}

function bodyFor(rnd: () => number, f: Fixtures): { type?: string; body?: Buffer } {
	const fields: [string, string][] = [];
	const n = Math.floor(rnd() * 6);
	for (let i = 0; i < n; i++) fields.push([pick(rnd, FIELD_NAMES), fieldValue(rnd, f)]);
	const r = rnd();
	if (r < 0.45) {
		const body = new URLSearchParams(fields);
		return { type: 'application/x-www-form-urlencoded', body: Buffer.from(body.toString()) };
	}
	if (r < 0.55) return multipart(rnd, fields, false);
	if (r < 0.65) return multipart(rnd, fields, true);
	if (r < 0.72)
		return { type: 'text/plain', body: Buffer.from(fields.map((p) => p.join('=')).join('\n')) };
	if (r < 0.8) {
		const deep = '{"a":'.repeat(2000) + '1' + '}'.repeat(2000);
		return {
			type: 'application/json',
			body: Buffer.from(rnd() < 0.5 ? deep : JSON.stringify(Object.fromEntries(fields)))
		};
	}
	if (r < 0.85) {
		const bytes = Buffer.alloc(Math.floor(rnd() * 4000));
		for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rnd() * 256);
		return {
			type: pick(rnd, [
				'application/octet-stream',
				'application/x-www-form-urlencoded',
				'garbage/;;;'
			]),
			body: bytes
		};
	}
	if (r < 0.88)
		return { type: 'application/x-www-form-urlencoded', body: Buffer.alloc(700_000, 'a') };
	if (r < 0.94) return {};
	return {
		type: 'application/x-www-form-urlencoded; charset=utf-16',
		body: Buffer.from('name=%FF%FE')
	};
}

/** One hostile request, drawn from `rnd`. */
export function hostileRequest(rnd: () => number, f: Fixtures): RawRequest {
	const method = rnd() < 0.9 ? pick(rnd, METHODS) : pick(rnd, RARE_METHODS);
	let path: string;
	let actions: string[] = [];
	const r = rnd();
	if (r < 0.7) {
		[path, actions] = pick(rnd, routes(f));
		if (rnd() < 0.1) path += '/__data.json';
		else if (rnd() < 0.05) path += pick(rnd, ['/%g', '/', '//', '/%zz/x']);
	} else if (r < 0.8) {
		const where = pick(rnd, [
			'join',
			'play',
			'teach/assignments',
			'teach/classes',
			'kiosk',
			'quiz'
		]);
		path = rawPath(`/${where}/${randomText(rnd, 1 + Math.floor(rnd() * 30))}`);
	} else path = randomPath(rnd);
	const action = query(rnd, actions);
	const headers: Record<string, string> = {};
	const o = rnd();
	if (o < 0.75) headers.origin = f.origin;
	else if (o < 0.85) headers.origin = 'http://evil.example';
	else if (o < 0.9) headers.origin = 'null';
	headers.accept = pick(rnd, ['text/html', 'application/json', '*/*', 'text/html', '']);
	// The fuzz servers read the client address from X-Forwarded-For, as behind a proxy: sometimes
	// it is missing, empty or nonsense.
	const a = rnd();
	if (a < 0.6)
		headers['x-forwarded-for'] = `10.${Math.floor(rnd() * 4)}.0.${Math.floor(rnd() * 8)}`;
	else if (a < 0.75)
		headers['x-forwarded-for'] = pick(rnd, [' ', 'not an address', '1.2.3.4, 5.6.7.8', '::1']);
	if (rnd() < 0.15) headers['x-sveltekit-action'] = 'true';
	const cookies: string[] = [];
	const actionName = action.match(/^\?\/([^&]*)/)?.[1] ?? '';
	const ends = DESTRUCTIVE.has(actionName) || path.startsWith('/teach/signout');
	if (rnd() < 0.4 && !ends) cookies.push(f.teacherCookie);
	else if (rnd() < 0.3)
		cookies.push(
			`byline_session=${pick(rnd, ['AAAAAAAAAAAAAAAAAAAAAA', 'stale', '%zz', randomText(rnd, 10).replace(/[;\r\n]/g, '')])}`
		);
	if (rnd() < 0.3) cookies.push(f.studentCookie);
	if (rnd() < 0.1) cookies.push(`byline_plays=${pick(rnd, ['%zz', '[]', '{"a":1}', f.playId])}`);
	if (cookies.length) headers.cookie = cookies.join('; ').replace(/[^\x20-\x7e]/g, '');
	for (const k of Object.keys(headers)) if (headers[k] === '') delete headers[k];
	const withBody = method !== 'GET' && method !== 'HEAD' && method !== 'TRACE' && rnd() < 0.9;
	const { type, body } = withBody ? bodyFor(rnd, f) : {};
	if (type) headers['content-type'] = type;
	return { method, path: path + action, headers, body };
}

export interface FuzzReport {
	byStatus: Map<string, number>;
	/** 5xx answers and requests that got no answer at all, with what was sent. */
	failures: { request: string; outcome: string }[];
	/** Requests the server closed without an answer while it kept running (bodies over the limit). */
	unanswered: string[];
	requests: number;
}

function describe(req: RawRequest): string {
	const body = req.body
		? ` (${req.headers['content-type'] ?? 'no type'}, ${req.body.length} bytes)`
		: '';
	return `${req.method} ${req.path.slice(0, 200)}${body}`;
}

/**
 * Sends `count` hostile requests, `concurrency` at a time. A request the server closed without an
 * answer is only a failure if the server then no longer answers (`alive`), which is checked
 * after each one: a too-large body may be cut off on purpose.
 */
export async function fuzz(
	base: string,
	fixtures: Fixtures,
	options: { seed: number; count: number; concurrency: number; alive: () => Promise<boolean> }
): Promise<FuzzReport> {
	const rnd = seededRandom(options.seed);
	const requests = Array.from({ length: options.count }, () => hostileRequest(rnd, fixtures));
	const byStatus = new Map<string, number>();
	const failures: FuzzReport['failures'] = [];
	const unanswered: string[] = [];
	let next = 0;
	const count = (key: string) => byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
	async function worker() {
		while (next < requests.length) {
			const req = requests[next++] as RawRequest;
			try {
				const res = await send(base, req);
				count(String(res.status));
				if (res.status >= 500)
					failures.push({
						request: describe(req),
						outcome: `${res.status} ${res.body.slice(0, 200)}`
					});
			} catch (e) {
				count('no answer');
				unanswered.push(`${describe(req)}: ${String(e)}`);
				if (!(await options.alive()))
					failures.push({ request: describe(req), outcome: `server down after: ${String(e)}` });
			}
		}
	}
	await Promise.all(Array.from({ length: options.concurrency }, worker));
	return { byStatus, failures, unanswered, requests: requests.length };
}

/** "200: 1234, 303: 56, …", highest count first. */
export function formatCounts(byStatus: Map<string, number>): string {
	return [...byStatus.entries()]
		.sort((a, b) => b[1] - a[1])
		.map(([status, n]) => `${status}: ${n}`)
		.join(', ');
}

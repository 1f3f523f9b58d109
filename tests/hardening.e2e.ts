import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import {
	cookieFrom,
	locationOf,
	postFields,
	send,
	setUpFixtures,
	type Fixtures,
	type RawResponse
} from './support/fuzz';
import { testPort } from './support/ports';
import { TestServer } from './support/server';

// Its own server, reading the client address from X-Forwarded-For, so each test's limits start
// from an address of its own; a low hash cost except where the sign-in race needs the real one.
let server: TestServer;
let base: string;
let f: Fixtures;

test.beforeAll(async () => {
	server = TestServer.fresh(testPort(73), 'hardening', {
		ADDRESS_HEADER: 'x-forwarded-for',
		XFF_DEPTH: '1',
		BYLINE_PASSWORD_HASH_COST: '12'
	});
	await server.start();
	base = server.url;
	f = await setUpFixtures(base);
});

test.afterAll(async () => {
	await server?.kill();
});

const from = (address: string) => ({ 'x-forwarded-for': address });

async function stillAnswering(): Promise<void> {
	expect(server.running).toBe(true);
	const home = await send(base, { method: 'GET', path: '/', headers: from('10.9.9.9') });
	expect(home.status).toBe(200);
}

test.describe('requests that used to stop the server', () => {
	test('undecodable paths get a 400 with a message, and the server keeps answering', async () => {
		const stale = 'byline_session=AAAAAAAAAAAAAAAAAAAAAA';
		const requests: [string, string, Record<string, string>][] = [
			['POST', '/%g', {}],
			['DELETE', '/teach/%zz', {}],
			['PUT', '/play/%E0%A4%A', {}],
			['GET', '//a^b/%g', { cookie: stale }],
			['POST', '//a^b/%g', { cookie: stale, origin: 'http://evil.example' }],
			// What fetch(…, { method: 'POST', mode: 'no-cors' }) on another site sends.
			['POST', '/%g', { origin: 'http://evil.example', 'content-type': 'text/plain' }]
		];
		for (const [method, path, headers] of requests) {
			const res = await send(base, {
				method,
				path,
				headers: { ...from('10.10.0.1'), ...headers },
				body: Buffer.from('x=1')
			});
			// SvelteKit's own cross-site check may answer first (403); either way a 4xx, never a crash.
			expect(res.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
			expect(res.status, `${method} ${path}`).toBeLessThan(500);
			if (res.status === 400)
				expect(res.body).toBe('This address could not be read. Check the link and try again.\n');
			await stillAnswering();
		}
	});

	test('action names found on every object get a 404, not a 500', async () => {
		for (const name of ['__proto__', 'constructor', 'valueOf', 'toString', 'default']) {
			const res = await postFields(base, `/quiz/mixed?/${name}`, {}, from('10.10.0.2'));
			expect(res.status, name).toBe(404);
			expect(res.body, name).toContain('has no form action');
		}
		await stillAnswering();
	});

	test('the benchmark’s bare form posts are not there on a normal server', async () => {
		for (const path of ['/testing/floor', '/testing/floor-action?/answer']) {
			expect((await postFields(base, path, { a: '1' }, from('10.10.0.4'))).status, path).toBe(404);
			expect((await send(base, { method: 'GET', path, headers: {} })).status, path).not.toBe(200);
		}
		expect(
			(await send(base, { method: 'GET', path: '/testing/floor-action', headers: {} })).status
		).toBe(404);
	});

	test('bodies that are not forms get a 415 or 400 with a message on every form page', async () => {
		const paths = [
			'/join',
			`/join/${f.joinCode}?/join`,
			'/teach/signin',
			'/teach/signup',
			'/teach?/createClass',
			`/teach/classes/${f.classId}/new?/create`
		];
		for (const path of paths) {
			// The teacher's pages need the teacher; the sign-in and sign-up pages send a teacher away.
			const cookie = path.startsWith('/teach?') || path.startsWith('/teach/classes');
			const headers = {
				...from('10.10.0.3'),
				origin: f.origin,
				...(cookie ? { cookie: f.teacherCookie } : {})
			};
			const plain = await send(base, {
				method: 'POST',
				path,
				headers: { ...headers, 'content-type': 'text/plain', accept: 'text/html' },
				body: Buffer.from('name=x')
			});
			expect(plain.status, `text/plain ${path}`).toBe(415);
			expect(plain.body).toContain('This page takes a form sent from Byline’s own page');
			const broken = await send(base, {
				method: 'POST',
				path,
				headers: {
					...headers,
					'content-type': 'multipart/form-data; boundary=x',
					accept: 'text/html'
				},
				body: Buffer.from('--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nno end')
			});
			expect(broken.status, `broken multipart ${path}`).toBe(400);
			expect(broken.body).toContain('The form could not be read.');
		}
		await stillAnswering();
	});

	test('a sign-in link whose next address carries a line break sends a signed-in teacher home', async () => {
		const res = await send(base, {
			method: 'GET',
			path: '/teach/signin?next=/teach%0d%0aX-Injected:%20yes',
			headers: { ...from('10.10.0.4'), cookie: f.teacherCookie }
		});
		expect([res.status, res.headers['location'], res.headers['x-injected']]).toEqual([
			303,
			'/teach',
			undefined
		]);
	});
});

test.describe('guessing join codes', () => {
	/** Status and body, with the seconds to wait and the page's one-time values taken out. */
	const shape = (res: RawResponse) => [
		res.status,
		res.body.replace(/\d+/g, 'N').replace(/nonce-[\w+/=]+|nonce="[^"]*"/g, 'nonce')
	];

	test('once an address is held back, a right code and a wrong one get the same answer', async () => {
		const guesser = from('10.11.0.1');
		for (let i = 0; i < 20; i++) {
			const res = await postFields(
				base,
				'/join',
				{ code: 'ZZZZZ' + 'ACDEFGHJKMNPQRTUVWXY'[i] },
				guesser
			);
			expect(res.status, `guess ${i + 1}`).toBe(400);
		}
		const wrong = 'ACDEFH' === f.joinCode ? 'HFEDCA' : 'ACDEFH';
		for (const suffix of ['', '/__data.json']) {
			const right = await send(base, {
				method: 'GET',
				path: `/join/${f.joinCode}${suffix}`,
				headers: guesser
			});
			const dead = await send(base, {
				method: 'GET',
				path: `/join/${wrong}${suffix}`,
				headers: guesser
			});
			// The data endpoint answers 200 with the error inside; the page itself, 429.
			if (suffix) expect(right.body).toContain('429');
			else expect(right.status).toBe(429);
			expect(shape(right), suffix).toEqual(shape(dead));
		}
		const postRight = await postFields(base, '/join', { code: f.joinCode }, guesser);
		const postWrong = await postFields(base, '/join', { code: f.joinCode }, guesser);
		expect(postRight.status).toBe(429);
		expect(shape(postRight)).toEqual(shape(postWrong));
		const joinRight = await postFields(base, `/join/${f.joinCode}?/join`, { name: 'Eve' }, guesser);
		const joinWrong = await postFields(base, `/join/${wrong}?/join`, { name: 'Eve' }, guesser);
		expect(joinRight.status).toBe(429);
		expect(shape(joinRight)).toEqual(shape(joinWrong));
		// Another address is not held up.
		const other = await send(base, {
			method: 'GET',
			path: `/join/${f.joinCode}`,
			headers: from('10.11.0.2')
		});
		expect(other.status).toBe(200);
	});

	test('a class list is in the join page only, never in its data endpoint', async () => {
		const teacher = { cookie: f.teacherCookie, ...from('10.12.0.1') };
		const created = await postFields(
			base,
			`/teach/classes/${f.classId}/new?/create`,
			{
				pick: 'hand',
				question: f.questionIds[0] ?? '',
				title: 'Roster assignment',
				instructions: '',
				questionOrder: 'fixed',
				feedback: 'each',
				attempts: '1',
				attemptCounts: 'best',
				names: 'roster',
				roster: 'Zanele Mokoena\nTobias Lindqvist'
			},
			teacher
		);
		const [, assignmentId] = locationOf(created, /^\/teach\/assignments\/([\w-]+)$/);
		const dashboard = await send(base, {
			method: 'GET',
			path: `/teach/assignments/${assignmentId}`,
			headers: teacher
		});
		const code = dashboard.body.match(/\/join\/([A-Z0-9]{6})/)?.[1] ?? '';
		const student = from('10.12.0.2');
		const pageRes = await send(base, { method: 'GET', path: `/join/${code}`, headers: student });
		expect(pageRes.status).toBe(200);
		expect(pageRes.body).toContain('Zanele Mokoena');
		const data = await send(base, {
			method: 'GET',
			path: `/join/${code}/__data.json`,
			headers: student
		});
		expect(data.status).toBe(200);
		expect(data.body).not.toContain('Zanele');
		expect(data.body).not.toContain('Tobias');
	});
});

test.describe('headers', () => {
	const BASELINE = {
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'same-origin',
		'x-frame-options': 'DENY'
	};

	test('error responses, plain refusals and /_app files carry the security headers', async () => {
		const immutable = resolve(import.meta.dirname, '../build/client/_app/immutable/entry');
		const file = readdirSync(immutable).find((name) => name.endsWith('.js'));
		const responses: [string, RawResponse][] = [
			[
				'cross-site post',
				await postFields(base, '/join', { code: 'x' }, { origin: 'http://evil.example' })
			],
			['not found', await send(base, { method: 'GET', path: '/no/such/page', headers: {} })],
			['undecodable', await send(base, { method: 'GET', path: '/%g', headers: {} })],
			[
				'immutable file',
				await send(base, { method: 'GET', path: `/_app/immutable/entry/${file}`, headers: {} })
			],
			['version file', await send(base, { method: 'GET', path: '/_app/version.json', headers: {} })]
		];
		expect(responses[0]?.[1].status).toBe(403);
		expect(responses[3]?.[1].status).toBe(200);
		for (const [what, res] of responses)
			for (const [name, value] of Object.entries(BASELINE))
				expect(res.headers[name], `${name} on ${what}`).toBe(value);
	});

	test('a student’s play, feedback and results pages are private and never stored', async () => {
		for (const path of [
			`/play/${f.playId}`,
			`/play/${f.playId}/results`,
			`/play/${f.playId}/__data.json`,
			`/join/${f.joinCode}`
		]) {
			const res = await send(base, { method: 'GET', path, headers: from('10.13.0.1') });
			expect(res.headers['cache-control'], path).toBe('private, no-store');
		}
	});
});

test.describe('signing in under a burst', () => {
	test('of 25 parallel sign-ins for one account, 5 are checked and the right password last is refused', async () => {
		const email = `burst-${Date.now()}@school.example`;
		const password = 'the right long passphrase';
		const signup = await postFields(
			base,
			'/teach/signup',
			{ name: 'Ms Burst', email, password, inviteCode: '' },
			from('10.14.0.1')
		);
		cookieFrom(signup, 'byline_session');
		// Every guess from an address of its own: only the account's limit stands in the way.
		const guesses = Array.from({ length: 24 }, (_, i) =>
			postFields(base, '/teach/signin', { email, password: `wrong ${i}` }, from(`10.15.0.${i}`))
		);
		const right = postFields(base, '/teach/signin', { email, password }, from('10.15.1.1'));
		const answers = await Promise.all([...guesses, right]);
		const checked = answers.filter((r) => r.body.includes('do not match an account'));
		const signedIn = answers.filter((r) => r.status === 303);
		expect(checked.length).toBeLessThanOrEqual(5);
		expect(signedIn).toHaveLength(0);
		expect((await right).status).toBe(429);
		expect((await right).headers['set-cookie'] ?? '').not.toContain('byline_session');
	});
});

test.describe('caps on rows', () => {
	test('an assignment takes the students its teacher allows, then says it is full; nobody is lost', async () => {
		const teacher = { cookie: f.teacherCookie, ...from('10.16.0.1') };
		const created = await postFields(
			base,
			`/teach/classes/${f.classId}/new?/create`,
			{
				pick: 'hand',
				question: f.questionIds[0] ?? '',
				title: 'Small group',
				instructions: '',
				questionOrder: 'fixed',
				feedback: 'each',
				attempts: '1',
				attemptCounts: 'best',
				names: 'typed'
			},
			teacher
		);
		const [, id] = locationOf(created, /^\/teach\/assignments\/([\w-]+)$/);
		const dashboard = `/teach/assignments/${id}`;
		const refused = await postFields(base, `${dashboard}?/studentCap`, { cap: 'lots' }, teacher);
		expect(refused.status).toBe(400);
		expect(refused.body).toContain('Allow a whole number of students from 1 to 2000.');
		expect((await postFields(base, `${dashboard}?/studentCap`, { cap: '3' }, teacher)).status).toBe(
			200
		);
		const page = await send(base, { method: 'GET', path: dashboard, headers: teacher });
		const code = page.body.match(/\/join\/([A-Z0-9]{6})/)?.[1] ?? '';
		const joins = await Promise.all(
			Array.from({ length: 6 }, (_, i) =>
				postFields(base, `/join/${code}?/join`, { name: `Pupil ${i}` }, from(`10.16.1.${i}`))
			)
		);
		expect(joins.filter((r) => r.status === 303)).toHaveLength(3);
		const full = joins.filter((r) => r.status === 429);
		expect(full).toHaveLength(3);
		expect(full[0]?.body).toContain(
			'This assignment is full: 3 students have joined. Ask your teacher to allow more.'
		);
		const after = await send(base, { method: 'GET', path: dashboard, headers: teacher });
		expect(after.body.match(/Pupil \d/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
		// Raised: the next student gets in.
		await postFields(base, `${dashboard}?/studentCap`, { cap: '4' }, teacher);
		const late = await postFields(base, `/join/${code}?/join`, { name: 'Late' }, from('10.16.2.1'));
		expect(late.status).toBe(303);
	});

	test('free plays from one address stop at the cap with a message; plays already started go on', async () => {
		const address = from('10.17.0.1');
		const first = await postFields(base, '/quiz/mixed?/start', {}, address);
		const [, playId] = locationOf(first, /^\/play\/([\w-]+)$/);
		let refused: RawResponse | null = null;
		for (let i = 1; i <= 301 && !refused; i++) {
			const res = await postFields(base, '/quiz/mixed?/start', {}, address);
			if (res.status !== 303) refused = res;
		}
		expect(refused?.status).toBe(429);
		expect(refused?.body).toContain(
			'Too many quizzes have been started from this network just now.'
		);
		const started = await send(base, { method: 'GET', path: `/play/${playId}`, headers: address });
		expect(started.status).toBe(200);
		expect((await postFields(base, '/quiz/mixed?/start', {}, from('10.17.0.2'))).status).toBe(303);
	});

	test('a kiosk starts a limited number of rounds in ten minutes', async () => {
		const kiosk = `/kiosk/${f.kioskToken}`;
		let refused: RawResponse | null = null;
		for (let i = 0; i <= 61 && !refused; i++) {
			const res = await postFields(base, `${kiosk}?/start`, {}, from('10.18.0.1'));
			if (res.status !== 303) refused = res;
		}
		expect(refused?.status).toBe(429);
		expect(refused?.body).toContain('This screen has started a lot of rounds just now.');
	});
});

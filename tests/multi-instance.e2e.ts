import { expect, test } from '@playwright/test';
import { rightAnswerTo } from './support/answer-form';
import { cookieFrom, setUpFixtures } from './support/fuzz';
import { testPort } from './support/ports';
import { freshDatabase, testPostgres } from './support/postgres';
import { TestServer } from './support/server';

const server = testPostgres();
if (!server)
	console.warn(
		'\n' +
			'!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n' +
			'!! SKIPPED: the multi-instance tests need PostgreSQL. Set BYLINE_TEST_POSTGRES to a    !!\n' +
			'!! server URL whose role may create databases (README, "Development").            !!\n' +
			'!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n'
	);

function post(s: TestServer, path: string, body: URLSearchParams, cookie = '') {
	return fetch(s.url + path, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			origin: s.url,
			accept: 'text/html',
			...(cookie ? { cookie } : {})
		},
		body
	});
}

test.describe('two instances on one PostgreSQL database', () => {
	test.skip(!server, 'no PostgreSQL server (BYLINE_TEST_POSTGRES)');
	test.describe.configure({ mode: 'serial', timeout: 120_000 });

	let db: Awaited<ReturnType<typeof freshDatabase>>;
	let a: TestServer;
	let b: TestServer;

	test.beforeAll(async () => {
		db = await freshDatabase(server ?? '', 'multi');
		const env = { BYLINE_PASSWORD_HASH_COST: '12' };
		a = new TestServer(testPort(110), db.url, env);
		b = new TestServer(testPort(111), db.url, env);
		// Both at once, as a service manager starts them: migrations and start-up jobs race.
		await Promise.all([a.start(), b.start()]);
	});

	test.afterAll(async () => {
		await a?.kill();
		await b?.kill();
		await db?.drop();
	});

	test('the retention job ran once, on one of them', async () => {
		const runs = await db.query<{ slot: string }>(
			"SELECT slot FROM job_run WHERE job = 'retention'"
		);
		expect(runs).toHaveLength(1);
	});

	test('a student answering through both counts each answer once, races included', async () => {
		const started = await post(a, '/quiz/mixed?/start', new URLSearchParams());
		expect(started.status).toBe(303);
		const play = (started.headers.get('location') ?? '').split('/').pop() ?? '';
		const both = [a, b];
		let answered = 0;
		for (let i = 0; ; i++) {
			const here = both[i % 2];
			const there = both[(i + 1) % 2];
			// Resume: the play page on this instance shows the question the other left it on.
			const fields = rightAnswerTo(await (await fetch(`${here.url}/play/${play}`)).text());
			if (!fields) break;
			const path = `/play/${play}?/answer`;
			if (i % 2 === 0) {
				// The same answer to both instances at the same moment.
				const statuses = (await Promise.all([post(here, path, fields), post(there, path, fields)]))
					.map((r) => r.status)
					.sort();
				expect(statuses).toEqual([303, 303]);
			} else {
				// Sent again to the other instance after the first was acknowledged.
				expect((await post(here, path, fields)).status).toBe(303);
				expect((await post(there, path, fields)).status).toBe(303);
			}
			answered++;
		}
		expect(answered).toBeGreaterThan(3);
		const rows = await db.query<{ question_id: string; position: number }>(
			'SELECT question_id, position FROM answer WHERE play_id = $1 ORDER BY position',
			[play]
		);
		expect(rows.map((r) => r.position)).toEqual([...Array(answered).keys()]);
		expect(new Set(rows.map((r) => r.question_id)).size).toBe(answered);
		const [finished] = await db.query<{ finished_at: string | null }>(
			'SELECT finished_at FROM play WHERE id = $1',
			[play]
		);
		expect(finished.finished_at).not.toBeNull();
	});

	test("a dashboard's live feed on B hears an answer made on A within 2 s", async () => {
		const f = await setUpFixtures(b.url);
		const joined = await post(a, `/join/${f.joinCode}?/join`, new URLSearchParams({ name: 'Ana' }));
		const student = cookieFrom(
			{
				status: joined.status,
				headers: { 'set-cookie': joined.headers.getSetCookie() },
				body: ''
			},
			`byline_student_${f.assignmentId}`
		);
		const playPath = joined.headers.get('location') ?? '';
		expect(playPath).toMatch(/^\/play\//);

		const stop = new AbortController();
		const feed = await fetch(`${b.url}/teach/assignments/${f.assignmentId}/events`, {
			headers: { cookie: f.teacherCookie },
			signal: stop.signal
		});
		expect(feed.headers.get('content-type')).toContain('text/event-stream');
		const reader = (feed.body as ReadableStream<Uint8Array>).getReader();
		const decoder = new TextDecoder();
		let text = '';
		const until = async (marker: string) => {
			while (!text.includes(marker)) {
				const { value, done } = await reader.read();
				if (done) throw new Error(`the feed ended before "${marker}":\n${text}`);
				text += decoder.decode(value);
			}
		};
		try {
			await until(': open');
			const fields = rightAnswerTo(
				await (await fetch(a.url + playPath, { headers: { cookie: student } })).text()
			);
			expect(fields).not.toBeNull();
			const answer = await post(a, `${playPath}?/answer`, fields ?? new URLSearchParams(), student);
			expect(answer.status).toBe(303);
			const acknowledged = Date.now();
			await until('event: changed');
			expect(Date.now() - acknowledged).toBeLessThan(2000);
		} finally {
			stop.abort();
		}
	});

	test('the dashboard open on B shows an answer made on A within 2 s', async ({ page }) => {
		const f = await setUpFixtures(b.url);
		const [name, value] = f.teacherCookie.split('=');
		await page.context().addCookies([{ name, value, url: b.url }]);
		await page.goto(`${b.url}/teach/assignments/${f.assignmentId}`);
		await expect(page.locator('p.live')).toHaveAttribute('data-stream', 'open');

		const joined = await post(a, `/join/${f.joinCode}?/join`, new URLSearchParams({ name: 'Ben' }));
		const student = (joined.headers.getSetCookie()[0] ?? '').split(';')[0];
		const playPath = joined.headers.get('location') ?? '';
		const row = page
			.getByRole('table', { name: 'Students and their progress' })
			.getByRole('row', { name: /Ben/ });
		// The join alone reaches the dashboard too: Ben is there, with nothing answered.
		await expect(row).toContainText('0 of 3');
		const fields = rightAnswerTo(
			await (await fetch(a.url + playPath, { headers: { cookie: student } })).text()
		);
		const answer = await post(a, `${playPath}?/answer`, fields ?? new URLSearchParams(), student);
		expect(answer.status).toBe(303);
		await expect(row).toContainText('1 of 3', { timeout: 2000 });
	});

	test('the projector open on B shows a student who joins on A within 2 s', async ({ page }) => {
		const f = await setUpFixtures(b.url);
		const [name, value] = f.teacherCookie.split('=');
		await page.context().addCookies([{ name, value, url: b.url }]);
		await page.goto(`${b.url}/teach/assignments/${f.assignmentId}/projector`);
		await expect(page.locator('section.joined')).toHaveAttribute('data-stream', 'open');

		const joined = await post(a, `/join/${f.joinCode}?/join`, new URLSearchParams({ name: 'Ada' }));
		expect(joined.status).toBe(303);
		await expect(page.getByRole('listitem').filter({ hasText: 'Ada' })).toBeVisible({
			timeout: 2000
		});
	});

	test('a burst of wrong passwords split across both checks at most 5 of them', async () => {
		const email = `burst-${Date.now()}@school.example`;
		const password = 'a long and right passphrase';
		const signup = await post(
			a,
			'/teach/signup',
			new URLSearchParams({ name: 'Mr Burst', email, password, inviteCode: '' })
		);
		expect(signup.status).toBe(303);
		const guesses = await Promise.all(
			Array.from({ length: 12 }, (_, i) =>
				post(
					i % 2 === 0 ? a : b,
					'/teach/signin',
					new URLSearchParams({ email, password: `wrong guess ${i}` })
				)
			)
		);
		const statuses = guesses.map((r) => r.status);
		const checked = statuses.filter((s) => s === 400).length;
		expect(checked).toBeLessThanOrEqual(5);
		expect(checked + statuses.filter((s) => s === 429).length).toBe(12);
		// Even the right password now waits, on either instance.
		const right = await post(b, '/teach/signin', new URLSearchParams({ email, password }));
		expect(right.status).toBe(429);
	});
});

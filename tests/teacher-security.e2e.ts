import {
	expect,
	test,
	type APIRequestContext,
	type Browser,
	type BrowserContext,
	type Page,
	type PlaywrightWorkerArgs
} from '@playwright/test';
import { PORT } from '../playwright.config';
import { startRound } from './support/kiosk-api';
import { createKiosk } from './support/kiosk';
import { TestServer } from './support/server';
import {
	EVIL_ORIGIN,
	answerOne,
	createAssignmentByHand,
	joinAs,
	parseCsv,
	postForm,
	sendJson,
	setUpClassroom,
	studentIdOn,
	studentTable,
	type Classroom
} from './support/teach-security';
import { testPort } from './support/ports';
import { newTeacher, signUpTeacher } from './support/teacher';

const SITE = `http://127.0.0.1:${PORT}`;
const OPEN = 'Open: students can join and answer.';
/** A name that cannot turn up in a page by chance (in a chunk hash, say). */
const STUDENT = 'Ama Owusu';
/** The teacher's own dashboard, in the teacher's words. */
const CLOSED_BY_TEACHER = /^Closed by you at /;

/** The teacher URLs of one assignment, for reading. */
function teacherPages(c: Classroom, studentId: string): string[] {
	const a = `/teach/assignments/${c.assignmentId}`;
	return [
		`/teach/classes/${c.classId}`,
		`/teach/classes/${c.classId}/new`,
		a,
		`${a}/projector`,
		`${a}/export?format=wide`,
		`${a}/export?format=long`,
		`${a}/students/${studentId}`
	];
}

type Action = readonly [path: string, fields: Record<string, string>];

/** Every form action on those pages, with fields that would work for the owner. */
function teacherActions(c: Classroom, studentId: string) {
	const a = `/teach/assignments/${c.assignmentId}`;
	const actions = {
		close: [`${a}?/close`, {}],
		reopen: [`${a}?/reopen`, {}],
		deleteAssignment: [`${a}?/delete`, {}],
		resetStudent: [`${a}/students/${studentId}?/reset`, {}],
		deleteStudent: [`${a}/students/${studentId}?/delete`, {}],
		createAssignment: [
			`/teach/classes/${c.classId}/new?/create`,
			{
				pick: 'hand',
				question: c.questionIds[0] ?? '',
				title: 'Planted by someone else',
				instructions: '',
				questionOrder: 'fixed',
				feedback: 'each',
				attempts: '1',
				attemptCounts: 'best',
				names: 'typed'
			}
		],
		deleteClass: [`/teach/classes/${c.classId}?/deleteClass`, {}]
	} satisfies Record<string, Action>;
	return actions;
}

/** What the owner sees of their assignment: its status and one answering student. */
async function expectUnchanged(c: Classroom, studentName: string): Promise<void> {
	await c.page.goto(`/teach/assignments/${c.assignmentId}`);
	await expect(c.page.getByText(OPEN, { exact: true })).toBeVisible();
	const row = studentTable(c.page).getByRole('row', { name: new RegExp(studentName) });
	await expect(row).toContainText(`In progress · 1 of ${c.questionIds.length}`);
	await c.page.goto(`/teach/classes/${c.classId}`);
	const assignments = c.page.getByRole('table', { name: /^Assignments in / });
	await expect(assignments.getByRole('row')).toHaveCount(2);
	await expect(assignments.getByRole('link', { name: c.title })).toBeVisible();
}

test.describe('teacher pages belong to their teacher', () => {
	let a: Classroom;
	let other: { context: BrowserContext; page: Page };
	let student: { context: BrowserContext; page: Page };
	let studentId: string;
	const opened: BrowserContext[] = [];

	test.beforeAll(async ({ browser }) => {
		a = await setUpClassroom(browser);
		opened.push(a.context);
		student = await joinAs(browser, a.joinCode, STUDENT);
		opened.push(student.context);
		await answerOne(student.page);
		studentId = await studentIdOn(a.page, a.assignmentId, STUDENT);
		const context = await browser.newContext();
		opened.push(context);
		const page = await context.newPage();
		await signUpTeacher(page, newTeacher('Mr Brooks'));
		other = { context, page };
	});

	test.afterAll(async () => {
		await Promise.all(opened.map((c) => c.close()));
	});

	test('the owner can open every page (so the 404s below are refusals, not wrong URLs)', async () => {
		for (const path of teacherPages(a, studentId)) {
			const res = await a.page.request.get(path, { maxRedirects: 0 });
			expect(res.status(), path).toBe(200);
		}
	});

	test('another teacher gets 404 on every page of it, and sees none of its data', async () => {
		for (const path of teacherPages(a, studentId)) {
			const res = await other.page.request.get(path, { maxRedirects: 0 });
			expect(res.status(), path).toBe(404);
			const body = await res.text();
			expect(body, path).not.toContain(a.title);
			expect(body, path).not.toContain(a.joinCode);
			expect(body, path).not.toContain(STUDENT);
		}
		// In the browser too: a page a person can read, in place of the dashboard.
		await other.page.goto(`/teach/assignments/${a.assignmentId}`);
		await expect(
			other.page.getByRole('heading', { name: 'We could not find that page' })
		).toBeVisible();
		await expect(other.page.getByText(a.title)).toHaveCount(0);
	});

	test('another teacher gets 404 from every form action, and nothing changes', async () => {
		for (const [path, fields] of Object.values(teacherActions(a, studentId))) {
			const res = await postForm(other.page.request, path, fields, { origin: SITE });
			expect(res.status(), path).toBe(404);
		}
		await expectUnchanged(a, STUDENT);
		// B's own class list did not gain A's class or a planted assignment either.
		await other.page.goto('/teach');
		await expect(other.page.getByText('No classes yet.')).toBeVisible();
	});

	test('another teacher cannot reach a student through an assignment of their own', async () => {
		const mine = await createAssignmentByHand(other.page, 1);
		const path = `/teach/assignments/${mine.assignmentId}/students/${studentId}`;
		expect((await other.page.request.get(path, { maxRedirects: 0 })).status()).toBe(404);
		for (const action of ['reset', 'delete']) {
			const res = await postForm(other.page.request, `${path}?/${action}`, {}, { origin: SITE });
			expect(res.status(), action).toBe(404);
		}
		await expectUnchanged(a, STUDENT);
	});

	test('a signed-out browser is sent to sign in from every teacher page and action', async ({
		browser
	}) => {
		const context = await browser.newContext();
		const request = context.request;
		for (const path of ['/teach', ...teacherPages(a, studentId)]) {
			const res = await request.get(path, { maxRedirects: 0 });
			expect(res.status(), path).toBe(303);
			expect(res.headers()['location'], path).toBe(
				`/teach/signin?next=${encodeURIComponent(path)}`
			);
		}
		for (const [path, fields] of Object.values(teacherActions(a, studentId))) {
			const res = await postForm(request, path, fields, { origin: SITE });
			expect(res.status(), path).toBe(303);
			expect(res.headers()['location'], path).toMatch(/^\/teach\/signin\?next=/);
		}
		const page = await context.newPage();
		await page.goto(`/teach/assignments/${a.assignmentId}`);
		await expect(page).toHaveURL(/\/teach\/signin\?next=/);
		await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
		await context.close();
		await expectUnchanged(a, STUDENT);
	});

	test('a student who joined the assignment gets no teacher page and no teacher action', async () => {
		const request = student.page.request;
		// The browser holds the student's own cookie, HttpOnly and SameSite=Lax like the teacher's.
		const cookie = (await student.context.cookies()).find(
			(c) => c.name === `byline_student_${a.assignmentId}`
		);
		expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
		for (const path of ['/teach', ...teacherPages(a, studentId)]) {
			const res = await request.get(path, { maxRedirects: 0 });
			expect(res.status(), path).toBe(303);
			expect(res.headers()['location'], path).toMatch(/^\/teach\/signin\?next=/);
		}
		for (const [path, fields] of Object.values(teacherActions(a, studentId))) {
			const res = await postForm(request, path, fields, { origin: SITE });
			expect(res.status(), path).toBe(303);
		}
		await expectUnchanged(a, STUDENT);
	});

	test('the owner’s own posts to the same actions work', async () => {
		const request = a.page.request;
		const base = `/teach/assignments/${a.assignmentId}`;
		const act = teacherActions(a, studentId);
		const own = { origin: SITE };

		expect((await postForm(request, ...act.close, own)).status()).toBe(200);
		await a.page.goto(base);
		await expect(a.page.getByText(CLOSED_BY_TEACHER)).toBeVisible();
		expect((await postForm(request, ...act.reopen, own)).status()).toBe(200);
		await a.page.goto(base);
		await expect(a.page.getByText(OPEN, { exact: true })).toBeVisible();

		const resetRes = await postForm(request, ...act.resetStudent, own);
		expect(resetRes.status()).toBe(303);
		await a.page.goto(base);
		await expect(studentTable(a.page).getByRole('row', { name: STUDENT })).toContainText(
			'Not started'
		);
		const removed = await postForm(request, ...act.deleteStudent, own);
		expect([removed.status(), removed.headers()['location']]).toEqual([303, base]);

		const created = await postForm(request, ...act.createAssignment, own);
		expect(created.status()).toBe(303);
		expect(created.headers()['location']).toMatch(/^\/teach\/assignments\/[\w-]{16}$/);

		const deleted = await postForm(request, ...act.deleteAssignment, own);
		expect([deleted.status(), deleted.headers()['location']]).toEqual([
			303,
			`/teach/classes/${a.classId}`
		]);
		expect((await request.get(base, { maxRedirects: 0 })).status()).toBe(404);
		const gone = await postForm(request, ...act.deleteClass, own);
		expect([gone.status(), gone.headers()['location']]).toEqual([303, '/teach']);
		expect((await request.get(`/teach/classes/${a.classId}`)).status()).toBe(404);
	});
});

test.describe('writes from other sites are refused', () => {
	let a: Classroom;

	const opened: BrowserContext[] = [];

	test.beforeAll(async ({ browser }) => {
		a = await setUpClassroom(browser);
		opened.push(a.context);
	});

	test.afterAll(async () => {
		await Promise.all(opened.map((c) => c.close()));
	});

	async function expectStillOpenAndEmpty(): Promise<void> {
		await a.page.goto(`/teach/assignments/${a.assignmentId}`);
		await expect(a.page.getByText(OPEN, { exact: true })).toBeVisible();
		await expect(a.page.getByText('Nobody has joined yet.')).toBeVisible();
		// Still one class: nothing was created or deleted.
		await a.page.goto('/teach');
		await expect(a.page.getByRole('region', { name: 'Classes' }).getByRole('link')).toHaveCount(1);
	}

	test('a cross-site form post gets 403 and changes nothing', async ({ request }) => {
		const evil = { origin: EVIL_ORIGIN };
		const signIn = await postForm(
			request,
			'/teach/signin',
			{ email: a.teacher.email, password: a.teacher.password },
			evil
		);
		expect(signIn.status()).toBe(403);
		expect(signIn.headers()['set-cookie'] ?? '').not.toContain('byline_session');

		// With the teacher's own cookies, as a forged form on another site would send them.
		const teacher = a.page.request;
		for (const [path, fields] of [
			[`/teach/assignments/${a.assignmentId}?/close`, {}],
			[`/teach/assignments/${a.assignmentId}?/delete`, {}],
			['/teach?/createClass', { name: 'Forged class' }],
			[`/join/${a.joinCode}?/join`, { name: 'Mallory' }]
		] as const) {
			const res = await postForm(teacher, path, fields, evil);
			expect(res.status(), path).toBe(403);
		}
		// text/plain is a form encoding a page on another site can send too.
		const plain = await teacher.post(`/teach/assignments/${a.assignmentId}?/close`, {
			headers: { origin: EVIL_ORIGIN, 'content-type': 'text/plain', accept: 'text/html' },
			data: 'x=1',
			maxRedirects: 0
		});
		expect(plain.status()).toBe(403);
		await expectStillOpenAndEmpty();
	});

	test('a cross-site JSON request, or any other write, gets 403 and changes nothing', async () => {
		const teacher = a.page.request;
		const evil = { origin: EVIL_ORIGIN };
		const base = `/teach/assignments/${a.assignmentId}`;
		const attempts: [Parameters<typeof sendJson>[1], string][] = [
			['POST', `${base}/export?format=wide`],
			['POST', `${base}?/close`],
			['POST', `${base}?/delete`],
			['POST', '/teach?/createClass'],
			['POST', `/join/${a.joinCode}?/join`],
			['PUT', base],
			['PATCH', base],
			['DELETE', base],
			['DELETE', `/teach/classes/${a.classId}`]
		];
		for (const [method, path] of attempts) {
			const res = await sendJson(teacher, method, path, { name: 'Forged' }, evil);
			expect(res.status(), `${method} ${path}`).toBe(403);
		}
		// As use:enhance would post it, but from elsewhere.
		const enhanced = await postForm(
			teacher,
			`${base}?/close`,
			{},
			{
				...evil,
				accept: 'application/json',
				headers: { 'x-sveltekit-action': 'true' }
			}
		);
		expect(enhanced.status()).toBe(403);
		// An opaque origin (a sandboxed frame, a data: URL) or none at all is not Byline's either.
		expect(
			(await sendJson(teacher, 'POST', `${base}?/close`, {}, { origin: 'null' })).status()
		).toBe(403);
		expect((await sendJson(teacher, 'POST', `${base}?/close`, {}, { origin: null })).status()).toBe(
			403
		);
		await expectStillOpenAndEmpty();
	});

	test('the same requests from Byline’s own origin pass the origin check', async ({ request }) => {
		const teacher = a.page.request;
		const own = { origin: SITE };
		const base = `/teach/assignments/${a.assignmentId}`;
		// Refused for other reasons (no POST handler, not form data), never as cross-site.
		for (const [method, path] of [
			['POST', `${base}/export?format=wide`],
			['POST', `${base}?/close`],
			['PUT', base]
		] as const) {
			const res = await sendJson(teacher, method, path, {}, own);
			expect(res.status(), `${method} ${path}`).not.toBe(403);
			expect(res.status(), `${method} ${path}`).toBeLessThan(500);
		}
		const signIn = await postForm(
			request,
			'/teach/signin',
			{ email: a.teacher.email, password: 'not the password' },
			own
		);
		expect(signIn.status()).toBe(400);
		expect(await signIn.text()).toContain('That email and password do not match an account.');

		const close = await postForm(teacher, `${base}?/close`, {}, own);
		expect(close.status()).toBe(200);
		await a.page.goto(base);
		await expect(a.page.getByText(CLOSED_BY_TEACHER)).toBeVisible();
		expect((await postForm(teacher, `${base}?/reopen`, {}, own)).status()).toBe(200);
		await expectStillOpenAndEmpty();
	});

	test('a cross-site POST to a kiosk screen’s JSON endpoint gets 403 and the round survives', async ({
		request
	}) => {
		const { address } = await createKiosk(a.page, { title: 'Lobby screen' });
		const round = await startRound(request, address);
		const discard = `${round}/discard`;
		const evil = await sendJson(request, 'POST', discard, {}, { origin: EVIL_ORIGIN });
		expect(evil.status()).toBe(403);
		expect((await request.get(round, { maxRedirects: 0 })).status()).toBe(200);
		const own = await sendJson(request, 'POST', discard, {}, { origin: SITE });
		expect(own.status()).toBe(204);
		expect((await request.get(round, { maxRedirects: 0 })).status()).not.toBe(200);
	});
});

test.describe('accounts', () => {
	test('the session cookie is HttpOnly and SameSite=Lax, and signing out ends the session', async ({
		browser
	}) => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await signUpTeacher(page);
		const session = (await context.cookies()).find((c) => c.name === 'byline_session');
		expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
		const days = ((session?.expires ?? 0) * 1000 - Date.now()) / 86_400_000;
		expect(days).toBeGreaterThan(29);
		expect(days).toBeLessThanOrEqual(30);
		// Scripts on the page cannot read it.
		expect(await page.evaluate(() => document.cookie)).not.toContain('byline_session');

		// A copy of the cookie works in another browser, until the teacher signs out...
		const copy = await browser.newContext();
		if (session) await copy.addCookies([session]);
		expect((await copy.request.get('/teach', { maxRedirects: 0 })).status()).toBe(200);

		await page.getByRole('button', { name: 'Sign out' }).click();
		await expect(page).toHaveURL(/\/teach\/signin$/);
		expect((await context.cookies()).some((c) => c.name === 'byline_session')).toBe(false);
		// ...then the token is dead on the server, not only forgotten by this browser.
		const res = await copy.request.get('/teach', { maxRedirects: 0 });
		expect(res.status()).toBe(303);
		expect(res.headers()['location']).toMatch(/^\/teach\/signin/);
		await Promise.all([context.close(), copy.close()]);
	});

	test('sign-up refuses a common or a short password with a clear message, and creates nothing', async ({
		page,
		request
	}) => {
		const teacher = newTeacher('Ms Okafor');
		await page.goto('/teach/signup');
		await page.getByLabel('Your name').fill(teacher.name);
		await page.getByLabel('Email').fill(teacher.email);
		await page.getByLabel('Password', { exact: true }).fill('password123');
		await page.getByRole('button', { name: 'Create account' }).click();
		await expect(page.getByRole('alert')).toHaveText(
			'That password is too common or too easy to guess. Try a few unrelated words instead.'
		);
		await expect(page).toHaveURL(/\/teach\/signup$/);
		await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute(
			'aria-invalid',
			'true'
		);

		// The browser stops a short password itself (minlength); the server must refuse it too.
		const short = await postForm(
			request,
			'/teach/signup',
			{ name: teacher.name, email: teacher.email, password: 'abc123', inviteCode: '' },
			{ origin: SITE }
		);
		expect(short.status()).toBe(400);
		expect(await short.text()).toContain('Use at least 8 characters.');
		expect(short.headers()['set-cookie'] ?? '').not.toContain('byline_session');
		expect((await page.context().cookies()).some((c) => c.name === 'byline_session')).toBe(false);

		// Neither attempt made an account: the email is still free.
		await signUpTeacher(page, teacher);
	});
});

test.describe('exports cannot carry spreadsheet formulas', () => {
	const NAMES = ['=HYPERLINK("http://evil.example","x")', '@SUM(1+1)', '-2+3'];
	let a: Classroom;

	const opened: BrowserContext[] = [];

	test.beforeAll(async ({ browser }) => {
		a = await setUpClassroom(browser, { questions: 2 });
		opened.push(a.context);
		for (const name of NAMES) {
			const student = await joinAs(browser, a.joinCode, name);
			opened.push(student.context);
			await answerOne(student.page);
		}
	});

	test.afterAll(async () => {
		await Promise.all(opened.map((c) => c.close()));
	});

	test('the dashboard shows the names as plain text', async () => {
		await a.page.goto(`/teach/assignments/${a.assignmentId}`);
		for (const name of NAMES) {
			const link = studentTable(a.page).getByRole('link', { name, exact: true });
			await expect(link).toHaveAttribute(
				'href',
				new RegExp(`^/teach/assignments/${a.assignmentId}/students/[\\w-]{22}$`)
			);
		}
		await expect(a.page.locator('a[href^="http://evil.example"]')).toHaveCount(0);
	});

	for (const format of ['wide', 'long'] as const) {
		test(`the ${format} CSV starts every formula-like cell with an apostrophe`, async () => {
			const res = await a.page.request.get(
				`/teach/assignments/${a.assignmentId}/export?format=${format}`
			);
			expect(res.status()).toBe(200);
			expect(res.headers()['content-type']).toBe('text/csv; charset=utf-8');
			expect(res.headers()['content-disposition']).toMatch(
				new RegExp(`^attachment; filename="[a-z0-9-]+-${format}\\.csv"$`)
			);
			const bytes = await res.body();
			// A byte-order mark, so spreadsheets read the file as UTF-8.
			expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
			const rows = parseCsv(bytes.toString('utf8'));
			const header = rows[0] ?? [];
			expect(header[0]).toBe('Student');
			expect(rows.every((r) => r.length === header.length)).toBe(true);
			// One row per student (wide) or per answer (long): one answer each here.
			expect(rows).toHaveLength(NAMES.length + 1);
			for (const name of NAMES) {
				const row = rows.find((r) => r[0] === `'${name}`);
				expect(row, name).toBeDefined();
			}
			const risky = rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell));
			expect(risky).toEqual([]);
		});
	}
});

// The shared server sees every test as 127.0.0.1, so limits per address would leak between tests.
// This server reads the client address from X-Forwarded-For (adapter-node's ADDRESS_HEADER), and
// each test below plays from addresses of its own.
test.describe('rate limits', () => {
	let server: TestServer;
	let api: APIRequestContext[] = [];
	let contexts: BrowserContext[] = [];

	/** A browser at its own client address. */
	async function browserAt(browser: Browser, address: string): Promise<Page> {
		const context = await browser.newContext({
			baseURL: server.url,
			extraHTTPHeaders: { 'x-forwarded-for': address }
		});
		contexts.push(context);
		return context.newPage();
	}

	/** A plain HTTP client at its own client address. */
	async function clientAt(
		playwright: PlaywrightWorkerArgs['playwright'],
		address: string
	): Promise<APIRequestContext> {
		const client = await playwright.request.newContext({
			baseURL: server.url,
			extraHTTPHeaders: { 'x-forwarded-for': address }
		});
		api.push(client);
		return client;
	}

	test.beforeAll(async () => {
		server = TestServer.fresh(testPort(61), 'rate-limits', {
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: '1'
		});
		await server.start();
	});

	test.afterEach(async () => {
		await Promise.all([...contexts.map((c) => c.close()), ...api.map((r) => r.dispose())]);
		contexts = [];
		api = [];
	});

	// The server is a child process: stop it even when a test failed.
	test.afterAll(async () => {
		await server?.kill();
	});

	test('the 6th sign-in for one account from one address is refused, the right password too', async ({
		browser,
		playwright
	}) => {
		const home = await browserAt(browser, '10.1.0.1');
		const teacher = await signUpTeacher(home, newTeacher('Ms Lindqvist'));

		const page = await browserAt(browser, '10.1.0.2');
		for (let i = 1; i <= 5; i++) {
			await page.goto('/teach/signin');
			await page.getByLabel('Email').fill(teacher.email);
			await page.getByLabel('Password', { exact: true }).fill(`wrong guess ${i}`);
			await page.getByRole('button', { name: 'Sign in' }).click();
			await expect(page.getByRole('alert')).toHaveText(
				'That email and password do not match an account.'
			);
		}
		await page.goto('/teach/signin');
		await page.getByLabel('Email').fill(teacher.email);
		await page.getByLabel('Password', { exact: true }).fill(teacher.password);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page.getByRole('alert')).toHaveText(
			/^Too many attempts\. Wait 1[45] minutes and try again\.$/
		);
		await expect(page).toHaveURL(/\/teach\/signin$/);
		expect((await page.context().cookies()).some((c) => c.name === 'byline_session')).toBe(false);

		// A plain form post from the guessing address gets 429.
		const guesser = await clientAt(playwright, '10.1.0.2');
		const res = await postForm(
			guesser,
			'/teach/signin',
			{ email: teacher.email.toUpperCase(), password: teacher.password },
			{ origin: server.url }
		);
		expect(res.status()).toBe(429);
		expect(await res.text()).toContain('Too many attempts');
		expect(res.headers()['set-cookie'] ?? '').not.toContain('byline_session');

		// The guesses cannot lock the teacher out: from their own address, after a short wait that
		// grows with each guess (a few seconds here), they get in.
		const own = await clientAt(playwright, '10.1.0.3');
		await expect
			.poll(
				async () =>
					(
						await postForm(
							own,
							'/teach/signin',
							{ email: teacher.email, password: teacher.password },
							{ origin: server.url }
						)
					).status(),
				{ timeout: 15_000 }
			)
			.toBe(303);
	});

	test('guessing join codes: the 21st wrong code from one address is refused', async ({
		browser,
		playwright
	}) => {
		const teacher = await browserAt(browser, '10.2.0.1');
		await signUpTeacher(teacher);
		const { joinCode } = await createAssignmentByHand(teacher, 1);
		const wrongCodes = ['ACDEFH', 'HFEDCA', 'KMNPQR', 'RQPNMK', 'TUVWXY', 'YXWVUT', '347934']
			.flatMap((c) => [c, c.toLowerCase(), `${c.slice(0, 3)} ${c.slice(3)}`])
			.filter((c) => c.replace(' ', '').toUpperCase() !== joinCode);

		const guesser = await clientAt(playwright, '10.2.0.2');
		for (let i = 0; i < 20; i++) {
			const code = wrongCodes[i % wrongCodes.length] ?? '';
			const res = await postForm(guesser, '/join', { code }, { origin: server.url });
			expect(res.status(), `guess ${i + 1}`).toBe(400);
			expect(await res.text()).toContain('No assignment has that code.');
		}
		const page = await browserAt(browser, '10.2.0.2');
		await page.goto('/join');
		await page.getByLabel('Join code').fill('WXY 479');
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page.getByRole('alert')).toHaveText(/^Too many attempts\. Wait \d+ seconds/);
		// Plain posts say 429, the right code is refused too for now, and so are code URLs.
		const post = await postForm(guesser, '/join', { code: joinCode }, { origin: server.url });
		expect(post.status()).toBe(429);
		expect(await post.text()).toContain('Too many attempts');
		expect((await guesser.get('/join/WXY479', { maxRedirects: 0 })).status()).toBe(429);

		// Students at another address are not held up.
		const student = await joinAs(browser, joinCode, STUDENT, {
			baseURL: server.url,
			extraHTTPHeaders: { 'x-forwarded-for': '10.2.0.3' }
		});
		contexts.push(student.context);
	});

	// A school's pupils usually share one public address: only wrong codes count against it.
	test('a whole class typing the right code from one school address all get in', async ({
		browser,
		playwright
	}) => {
		const teacher = await browserAt(browser, '10.3.0.1');
		await signUpTeacher(teacher);
		const { joinCode } = await createAssignmentByHand(teacher, 1);
		const school = await clientAt(playwright, '10.3.0.2');
		for (let pupil = 1; pupil <= 25; pupil++) {
			const typed =
				pupil % 2 ? joinCode : `${joinCode.slice(0, 3)} ${joinCode.slice(3)}`.toLowerCase();
			const res = await postForm(school, '/join', { code: typed }, { origin: server.url });
			expect([res.status(), res.headers()['location']], `pupil ${pupil}`).toEqual([
				303,
				`/join/${joinCode}`
			]);
		}
	});

	test('signing in only ever sends a teacher to a page under /teach', async ({
		browser,
		playwright
	}) => {
		const home = await browserAt(browser, '10.4.0.1');
		const teacher = await signUpTeacher(home);
		const client = await clientAt(playwright, '10.4.0.2');
		for (const [next, expected] of [
			['https://evil.example/teach', '/teach'],
			['//evil.example/teach', '/teach'],
			['/teach/kiosks', '/teach/kiosks']
		] as const) {
			const res = await postForm(
				client,
				`/teach/signin?next=${encodeURIComponent(next)}`,
				{ email: teacher.email, password: teacher.password },
				{ origin: server.url }
			);
			expect(res.status(), next).toBe(303);
			expect(res.headers()['location'], next).toBe(expected);
		}
	});
});

import { expect, test, type Browser, type BrowserContext } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import { networkInterfaces } from 'node:os';
import config from '../playwright.config';
import { createAssignment, joinAs } from './support/assignment';
import { answerCurrent } from './support/play';
import { testPort } from './support/ports';
import { TestServer } from './support/server';
import { signUpTeacher } from './support/teacher';

/**
 * A newcomer's server: `npm start`'s script with no settings at all, reached the ways a class
 * reaches a teacher's laptop. `laptop.test` stands for the laptop's name on a school network: the
 * browser resolves it to this machine, so the server sees a host that is not loopback.
 */
const NETWORK_NAME = 'byline-laptop.test';
const PORT = testPort(41);
const server = TestServer.newcomer(PORT, 'newcomer');
const launch = config.use?.launchOptions ?? {};
test.use({
	launchOptions: {
		...launch,
		args: [...(launch.args ?? []), `--host-resolver-rules=MAP ${NETWORK_NAME} 127.0.0.1`]
	}
});
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	await server.start();
});
test.afterAll(async () => {
	await server.kill();
});

/** The address a second device would be given for a teacher who opened Byline at `host`. */
function expectedStudentOrigin(host: string): string {
	if (host === NETWORK_NAME) return `http://${NETWORK_NAME}:${PORT}`;
	const nics = Object.values(networkInterfaces())
		.flat()
		.filter((i) => i && !i.internal && !/^fe80:/i.test(i.address));
	const v4 = nics.find((i) => i?.family === 'IPv4');
	const v6 = nics.find((i) => i?.family === 'IPv6');
	if (v4) return `http://${v4.address}:${PORT}`;
	if (v6) return `http://[${v6.address}]:${PORT}`;
	return `http://${host}:${PORT}`;
}

async function contextAt(browser: Browser, host: string): Promise<BrowserContext> {
	return browser.newContext({ baseURL: `http://${host}:${PORT}` });
}

test('the start command prints where to open Byline', async () => {
	expect(server.output).toContain(`Local:    http://localhost:${PORT}/`);
	const network = expectedStudentOrigin('localhost');
	if (!network.includes('localhost')) expect(server.output).toContain(`Network:  ${network}/`);
});

for (const host of ['localhost', '127.0.0.1', '[::1]', NETWORK_NAME]) {
	test(`with no settings, every form works at http://${host}`, async ({ browser }) => {
		const student = await contextAt(browser, host);
		const teacher = await contextAt(browser, host);
		try {
			// A practice quiz: start it and answer a question.
			const play = await student.newPage();
			await play.goto('/quiz/mixed', { waitUntil: 'networkidle' });
			await play.getByRole('button', { name: 'Start the quiz' }).click();
			await expect(play).toHaveURL(/\/play\/[\w-]{22}$/);
			await answerCurrent(play, true);
			await expect(play).toHaveURL(/\/feedback\/1$/);
			await expect(play.getByRole('heading', { level: 1 })).toHaveText(/Right/);

			// A teacher signs up and creates an assignment; the session cookie works over http.
			const desk = await teacher.newPage();
			await signUpTeacher(desk);
			const cookie = (await teacher.cookies()).find((c) => c.name === 'byline_session');
			expect(cookie?.secure).toBe(false);
			const { joinCode } = await createAssignment(desk, { count: 2 });

			// The join link is one another device can open, and so is the QR code's.
			const joinUrl = `${expectedStudentOrigin(host)}/join/${joinCode}`;
			await expect(desk.getByText(joinUrl, { exact: true })).toBeVisible();
			await desk.goto(desk.url() + '/projector');
			await expect(desk.getByRole('img', { name: `QR code for ${joinUrl}` })).toBeVisible();

			// A student joins and answers; where the link is this machine's own name, through it.
			const phone = await student.newPage();
			if (host === NETWORK_NAME) {
				await phone.goto(joinUrl, { waitUntil: 'networkidle' });
				await phone.getByLabel('Your name').fill('Ama');
				await phone.getByRole('button', { name: 'Join and start' }).click();
				await expect(phone).toHaveURL(/\/play\/[\w-]{22}$/);
			} else await joinAs(phone, joinCode, 'Ama');
			await answerCurrent(phone, false);
			await expect(phone).toHaveURL(/\/feedback\/1$/);
		} finally {
			await Promise.all([student.close(), teacher.close()]);
		}
	});
}

test('a page on another site still cannot change anything, by form or by script', async ({
	browser
}) => {
	const byline = `http://127.0.0.1:${PORT}`;
	// Same host, another port: another origin, yet the same site, so the teacher's cookie goes along.
	const evil: Server = createServer((_req, res) => {
		res.setHeader('content-type', 'text/html');
		res.end(`<!doctype html><title>Free prizes</title>
			<form method="post" action="${byline}/teach?/createClass">
				<input name="name" value="Hijacked class"><button>Claim</button>
			</form>`);
	});
	await new Promise<void>((done) => evil.listen(testPort(42), '127.0.0.1', done));
	const context = await browser.newContext({ baseURL: byline });
	try {
		const page = await context.newPage();
		await signUpTeacher(page);
		await page.goto(`http://127.0.0.1:${testPort(42)}/`);

		const [form] = await Promise.all([
			page.waitForResponse((r) => r.url().startsWith(`${byline}/teach`)),
			page.getByRole('button', { name: 'Claim' }).click()
		]);
		expect(form.status()).toBe(403);
		await expect(page.getByText(/Cross-site requests that change data are refused/)).toBeVisible();

		// A script on that page posting JSON: the browser may not even hand the answer back (the
		// response is not shareable), so the request settles one way or the other; nothing changes.
		await page.goto(`http://127.0.0.1:${testPort(42)}/`);
		const toByline = (r: { url(): string }) => r.url().startsWith(`${byline}/teach`);
		const [settled] = await Promise.all([
			Promise.race([
				page.waitForResponse(toByline).then((r) => r.status()),
				page.waitForEvent('requestfailed', toByline).then(() => 'not shared')
			]),
			page.evaluate((url) => {
				void fetch(url, {
					method: 'POST',
					mode: 'no-cors',
					credentials: 'include',
					headers: { 'content-type': 'text/plain' },
					body: JSON.stringify({ name: 'Hijacked class' })
				}).catch(() => undefined);
			}, `${byline}/teach?/createClass`)
		]);
		expect([403, 'not shared']).toContain(settled);
		// The same JSON write, sent with the teacher's cookie and the other site's origin, is a 403.
		const json = await context.request.post(`${byline}/teach?/createClass`, {
			headers: { origin: `http://127.0.0.1:${testPort(42)}` },
			data: { name: 'Hijacked class' }
		});
		expect(json.status()).toBe(403);

		await page.goto('/teach');
		await expect(page.getByText('Hijacked class')).toHaveCount(0);
	} finally {
		await context.close();
		await new Promise((done) => evil.close(done));
	}
});

test('Ctrl-C stops the server', async () => {
	// Nothing the store runs on the side (its checkpoint thread, timers) may hold the process open.
	expect(await server.stop('SIGINT')).toBe(0);
});

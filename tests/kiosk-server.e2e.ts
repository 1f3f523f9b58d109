import { expect, request as http, test, type Request } from '@playwright/test';
import { ORIENTATIONS, createKiosk, screenshotKiosk, signUpOwner } from './support/kiosk';
import { finishRound, postForm, startRound } from './support/kiosk-api';
import { expectAccessible } from './support/look';
import { answerCurrent } from './support/play';
import { TestServer } from './support/server';
import { testPort } from './support/ports';

test('the board takes its score from the server, once per round, and refuses bad posts with a message', async ({
	page
}) => {
	await signUpOwner(page);
	const kiosk = await createKiosk(page, { roundSize: 2 });
	const other = await createKiosk(page, { roundSize: 2 });
	// The screen has no cookies: a fresh client, as a kiosk browser is.
	const screen = await http.newContext();
	try {
		const round = await startRound(screen, kiosk.address);
		const end = `${round}/end`;

		// Not finished yet: no board, and back to the question.
		const early = await postForm(screen, `${end}?/post`, { initials: 'ABC' });
		expect(early.status()).toBe(303);
		expect(early.headers()['location']).toBe(new URL(round).pathname);

		expect(await finishRound(screen, round)).toBe(end);
		const endPage = await (await screen.get(end)).text();
		const score = Number(/class="points[^"]*"><strong[^>]*>(\d+)<\/strong>/.exec(endPage)?.[1]);
		expect(score).toBeGreaterThan(0);

		// Bad initials: a 400 with a message, never a 500.
		for (const [initials, message] of [
			['', /three letters/],
			['ABCD', /three letters/],
			['A<b', /three letters/],
			['FUK', /can’t go on the board/]
		] as const) {
			const res = await postForm(screen, `${end}?/post`, { initials });
			expect(res.status(), initials).toBe(400);
			expect(await res.text()).toMatch(message);
		}

		// Another kiosk cannot take this round.
		const stolen = await postForm(
			screen,
			`${other.address}/play/${round.split('/').pop()}/end?/post`,
			{
				initials: 'XYZ'
			}
		);
		expect(stolen.status()).toBe(303);
		expect(stolen.headers()['location']).toBe(new URL(other.address).pathname);

		// A forged score is ignored; a second post of the same round adds nothing.
		const posted = await postForm(screen, `${end}?/post`, { initials: 'abc', score: '999999' });
		expect(posted.status()).toBe(303);
		expect(posted.headers()['location']).toMatch(/\/board\?entry=/);
		const again = await postForm(screen, `${end}?/post`, { initials: 'XYZ' });
		expect(again.status()).toBe(303);

		await page.goto(kiosk.manage);
		const rows = page.getByRole('row').filter({ hasText: /ABC|XYZ/ });
		await expect(rows).toHaveCount(1);
		await expect(rows).toContainText('ABC');
		await expect(rows).toContainText(String(score));
		await page.goto(other.manage);
		await expect(page.getByText('No scores yet today.')).toBeVisible();

		// The round is gone once posted: its pages lead back to the attract screen.
		const gone = await screen.get(round, { maxRedirects: 0 });
		expect(gone.status()).toBe(303);
		expect(gone.headers()['location']).toBe(new URL(kiosk.address).pathname);

		// A cross-site post is refused.
		const cross = await screen.post(`${kiosk.address}?/start`, {
			headers: {
				origin: 'http://evil.example',
				'content-type': 'application/x-www-form-urlencoded'
			},
			data: ''
		});
		expect(cross.status()).toBe(403);
	} finally {
		await screen.dispose();
	}
});

test('the screen says when the server is gone, and carries on by itself when it is back', async ({
	browser
}) => {
	const server = TestServer.fresh(testPort(81), 'kiosk-restart');
	await server.start();
	const teacher = await browser.newPage({ baseURL: server.url });
	const context = await browser.newContext({
		baseURL: server.url,
		viewport: ORIENTATIONS.landscape,
		hasTouch: true
	});
	const screen = await context.newPage();
	try {
		await signUpOwner(teacher);
		const kiosk = await createKiosk(teacher, { roundSize: 3 });
		await screen.goto(kiosk.address);
		await screen.getByRole('button', { name: 'Touch to play' }).tap();
		await screen.waitForURL(/\/play\/[A-Za-z0-9_-]{22}$/);
		const offline = screen.getByRole('alert').filter({ hasText: 'can’t reach the quiz server' });

		// Stopped without warning: the screen says so in plain words.
		await server.kill();
		await expect(offline).toBeVisible({ timeout: 30_000 });
		await expect(offline).toContainText('carry on by itself');
		await expectAccessible(screen, 'kiosk offline');
		await screenshotKiosk(screen, 'offline', 'landscape');
		await screen.setViewportSize(ORIENTATIONS.portrait);
		await screenshotKiosk(screen, 'offline', 'portrait');
		await screen.setViewportSize(ORIENTATIONS.landscape);

		// An answer given meanwhile waits for the server, rather than failing into an error page.
		// Wait until the answer has been tried and has failed at least twice: it is retrying.
		const failedPost = (r: Request) => r.method() === 'POST' && r.url().includes('/play/');
		const tries = [screen.waitForEvent('requestfailed', failedPost)];
		await answerCurrent(screen, true);
		await tries[0];
		await screen.waitForEvent('requestfailed', failedPost);
		await expect(screen).toHaveURL(/\/play\/[A-Za-z0-9_-]{22}$/);
		await expect(offline).toBeVisible();

		// Back again: the answer goes through and the screen carries on, with no one touching it.
		await server.start();
		await screen.waitForURL(/\/feedback\/1$/, { timeout: 40_000 });
		await expect(screen.getByRole('heading', { level: 1 })).toHaveText(/Right!/);
		await expect(offline).toBeHidden({ timeout: 30_000 });

		// A page change while the server restarts waits too.
		await server.kill();
		await screen.getByRole('link', { name: 'Next question' }).tap();
		await expect(offline).toBeVisible({ timeout: 30_000 });
		await server.start();
		await screen.waitForURL(/\/play\/[A-Za-z0-9_-]{22}$/, { timeout: 40_000 });
		await expect(screen.getByText('2 of 3', { exact: true })).toBeVisible();
		await expect(offline).toBeHidden({ timeout: 30_000 });
	} finally {
		await context.close();
		await teacher.close();
		await server.kill();
	}
});

import {
	expect,
	request as playwrightRequest,
	test,
	type Browser,
	type Page
} from '@playwright/test';
import {
	ORIENTATIONS,
	createKiosk,
	signUpOwner,
	expectNoWayOut,
	kioskPath,
	playRound,
	screenshotKiosk,
	tapInitials,
	type Orientation
} from './support/kiosk';
import { seedBoard } from './support/kiosk-api';
import { expectAccessible, screenshotAllSizes } from './support/look';
import { answerCurrent } from './support/play';

/** A touchscreen: its own browser context (no teacher signed in), touch events, 1080p. */
async function openScreen(browser: Browser, baseURL: string, orientation: Orientation) {
	const context = await browser.newContext({
		baseURL,
		viewport: ORIENTATIONS[orientation],
		hasTouch: true
	});
	return { context, screen: await context.newPage() };
}

/** axe, no way out, and a screenshot: what every kiosk screen must pass. */
async function checkScreen(screen: Page, address: string, name: string, orientation: Orientation) {
	await expectAccessible(screen, `kiosk ${name} (${orientation})`);
	await expectNoWayOut(screen, address);
	await screenshotKiosk(screen, name, orientation);
}

for (const orientation of ['portrait', 'landscape'] as const) {
	test(`a full round to the leaderboard, ${orientation}`, async ({ page, browser, baseURL }) => {
		await signUpOwner(page);
		const kiosk = await createKiosk(page, { title: 'Spot the spin', roundSize: 4 });
		const { context, screen } = await openScreen(browser, baseURL ?? '', orientation);
		// Nine players before this one, none fully right more than once: a full board to join.
		const others = await playwrightRequest.newContext();
		await seedBoard(
			others,
			kiosk.address,
			['AMY', 'BEN', 'CAL', 'DEE', 'EVA', 'FIN', 'GUS', 'HAL', 'IDA'].map((initials, i) => ({
				initials,
				rightAnswers: i % 2
			}))
		);
		await others.dispose();
		try {
			// Attract screen: the title, a preview, "Touch to play".
			await screen.goto(kiosk.address);
			await expect(screen.getByRole('heading', { level: 1 })).toHaveText('Spot the spin');
			await expect(screen.getByRole('button', { name: 'Touch to play' })).toBeVisible();
			await checkScreen(screen, kiosk.address, 'attract', orientation);

			// Locked down: no context menu, no text selection.
			const menuPrevented = await screen.evaluate(() => {
				const event = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
				document.body.dispatchEvent(event);
				return event.defaultPrevented;
			});
			expect(menuPrevented).toBe(true);
			expect(await screen.evaluate(() => getComputedStyle(document.body).userSelect)).toBe('none');

			// A touch anywhere on the attract screen plays.
			await screen.getByRole('heading', { level: 1 }).tap();
			await screen.waitForURL(/\/play\/[A-Za-z0-9_-]{22}$/);
			await expect(screen.getByText('1 of 4', { exact: true })).toBeVisible();
			await checkScreen(screen, kiosk.address, 'question', orientation);
			// In portrait, the answer button is in the lower half of the screen, within reach.
			if (orientation === 'portrait') {
				const check = await screen.getByRole('button', { name: 'Check my answer' }).boundingBox();
				expect(check?.y ?? 0).toBeGreaterThan(ORIENTATIONS.portrait.height / 2);
			}
			// Touch targets of at least 48 px.
			const targets = screen.locator('form.answer :is(label:has(input), select, button)');
			for (const target of await targets.all()) {
				const box = await target.boundingBox();
				expect(box?.height ?? 0).toBeGreaterThanOrEqual(48);
			}

			// The first answer: feedback with the evidence, and the kiosk's own reader.
			await answerCurrent(screen, false);
			await screen.waitForURL(/\/feedback\/1$/);
			await expect(screen.getByRole('heading', { level: 1 })).toHaveText(
				/Not this time|Partly right/
			);
			await expect(screen.getByRole('heading', { name: 'The evidence' })).toBeVisible();
			await checkScreen(screen, kiosk.address, 'feedback', orientation);
			await screen.getByRole('link', { name: 'See it in the article' }).first().tap();
			await expect(screen.locator('mark#evidence')).toBeVisible();
			expect(screen.url()).toContain(kioskPath(kiosk.address) + '/play/');
			await checkScreen(screen, kiosk.address, 'reader', orientation);
			await screen.getByRole('link', { name: 'Back to the answer' }).tap();
			await screen.waitForURL(/\/feedback\/1$/);
			await screen.getByRole('link', { name: 'Next question' }).tap();

			// The rest of the round, right every time.
			expect(await playRound(screen, () => true)).toBe(3);
			const score = Number(await screen.locator('.points strong').textContent());
			expect(score).toBeGreaterThan(0);
			await expect(screen.getByText('3 of 4 fully right', { exact: false })).toBeVisible();
			await checkScreen(screen, kiosk.address, 'end', orientation);

			// Offensive initials are refused, with a message; the round can still go on the board.
			await tapInitials(screen, 'KKK');
			await screen.getByRole('button', { name: 'Put me on the board' }).tap();
			await expect(screen.getByRole('alert')).toHaveText(/can’t go on the board/);
			await expectAccessible(screen, `kiosk initials refused (${orientation})`);
			await screenshotKiosk(screen, 'initials-refused', orientation);
			if (orientation === 'landscape') {
				// A real keyboard types into the same field.
				await screen.getByRole('textbox', { name: 'Your initials' }).fill('');
				await screen.getByRole('textbox', { name: 'Your initials' }).pressSequentially('jmr');
				await expect(screen.getByRole('textbox', { name: 'Your initials' })).toHaveValue('JMR');
			} else await tapInitials(screen, 'JMR');
			await screen.getByRole('button', { name: 'Put me on the board' }).tap();

			// Today's top 10, this round marked.
			await screen.waitForURL(/\/board\?entry=/);
			await expect(screen.getByRole('heading', { name: 'Today’s top 10' })).toBeVisible();
			const mine = screen.locator('li[aria-current="true"]');
			await expect(mine).toContainText('JMR');
			await expect(mine).toContainText(`${score} points`);
			await checkScreen(screen, kiosk.address, 'board', orientation);

			// The owner deletes the entry from the teacher pages; the screen follows by itself.
			await page.goto(kiosk.manage);
			const row = page.getByRole('row', { name: /JMR/ });
			await expect(row).toContainText(String(score));
			await row.getByRole('button', { name: /Delete JMR/ }).click();
			await expect(page.getByRole('row', { name: /JMR/ })).toHaveCount(0);
			await expect(screen.getByText('JMR')).toHaveCount(0, { timeout: 30_000 });
			await expect(screen.getByRole('listitem')).toHaveCount(9);

			// Then back to the attract screen.
			await screen.getByRole('link', { name: 'Done' }).tap();
			await expect(screen).toHaveURL(kiosk.address);
			await expect(screen.getByRole('button', { name: 'Touch to play' })).toBeVisible();
		} finally {
			await context.close();
		}
	});
}

test('an idle round asks “Still playing?”, then is discarded for the attract screen', async ({
	page,
	browser,
	baseURL
}) => {
	await signUpOwner(page);
	const kiosk = await createKiosk(page, { idleSeconds: 5, roundSize: 3 });
	const { context, screen } = await openScreen(browser, baseURL ?? '', 'portrait');
	try {
		// The screen's clock is the test's to move: idle time passes at once, not in real seconds.
		await screen.clock.install();
		await screen.goto(kiosk.address);
		// The attract screen never times out.
		await screen.clock.runFor(6_000);
		await expect(screen.getByRole('dialog')).toHaveCount(0);
		await screen.getByRole('button', { name: 'Touch to play' }).tap();
		await screen.waitForURL(/\/play\/[A-Za-z0-9_-]{22}$/);
		const round = screen.url();

		// Untouched for 5 s: the question, with a countdown.
		const still = screen.getByRole('dialog', { name: 'Still playing?' });
		await screen.clock.runFor(5_500);
		await expect(still).toBeVisible();
		await expect(still).toContainText(/ends in \d+ seconds?/);
		await expectAccessible(screen, 'kiosk still playing? (portrait)');
		await screenshotKiosk(screen, 'still-playing', 'portrait');
		await screen.setViewportSize(ORIENTATIONS.landscape);
		await screenshotKiosk(screen, 'still-playing', 'landscape');
		await screen.setViewportSize(ORIENTATIONS.portrait);

		// A touch keeps the round.
		await still.getByRole('button', { name: 'Yes, keep playing' }).tap();
		await expect(still).toBeHidden();
		expect(screen.url()).toBe(round);
		// …and the tap does not fall through onto an answer underneath.
		await expect(screen.locator('form.answer input:checked')).toHaveCount(0);

		// Untouched again, through the countdown: back to the attract screen, the round gone.
		await screen.clock.runFor(5_500);
		await expect(still).toBeVisible();
		const discarded = screen.waitForResponse((r) => r.url().endsWith('/discard'));
		await screen.clock.runFor(11_000);
		await expect(screen).toHaveURL(kiosk.address);
		expect((await discarded).status()).toBeLessThan(400);
		await expect(screen.getByRole('button', { name: 'Touch to play' })).toBeVisible();
		await screen.goto(round);
		await expect(screen).toHaveURL(kiosk.address);
	} finally {
		await context.close();
	}
});

test('a revoked kiosk says “This screen is not set up”, at once and from then on', async ({
	page,
	browser,
	baseURL
}) => {
	await signUpOwner(page);
	const kiosk = await createKiosk(page);
	const { context, screen } = await openScreen(browser, baseURL ?? '', 'landscape');
	try {
		await screen.goto(kiosk.address);
		await expect(screen.getByRole('button', { name: 'Touch to play' })).toBeVisible();

		await page.goto(kiosk.manage);
		await page.getByRole('button', { name: /Revoke/ }).click();
		await expect(page.getByText(/Revoked/).first()).toBeVisible();

		// The screen notices by itself within seconds.
		const notSetUp = screen.getByRole('heading', { name: 'This screen is not set up' });
		await expect(notSetUp).toBeVisible({ timeout: 30_000 });
		expect(await expectNoWayOut(screen, kiosk.address)).toBe(0);

		// Loaded afresh: a 404 with the same clear page, in both orientations.
		const res = await screen.goto(kiosk.address);
		expect(res?.status()).toBe(404);
		await expect(notSetUp).toBeVisible();
		await expectAccessible(screen, 'kiosk not set up');
		await screenshotKiosk(screen, 'not-set-up', 'landscape');
		await screen.setViewportSize(ORIENTATIONS.portrait);
		await screenshotKiosk(screen, 'not-set-up', 'portrait');

		// An address that never was shows the same.
		await screen.goto('/kiosk/AAAAAAAAAAAAAAAAAAAAAA');
		await expect(notSetUp).toBeVisible();
		await screen.goto('/kiosk/not-a-token/board');
		await expect(notSetUp).toBeVisible();
	} finally {
		await context.close();
	}
});

test('kiosks belong to their teacher: another teacher gets a 404', async ({ page, browser }) => {
	await signUpOwner(page);
	const kiosk = await createKiosk(page);
	const other = await browser.newPage({ baseURL: new URL(kiosk.manage).origin });
	try {
		await signUpOwner(other);
		const res = await other.goto(kiosk.manage);
		expect(res?.status()).toBe(404);
		const post = await other.request.post(`${kiosk.manage}?/revoke`, {
			headers: {
				origin: new URL(kiosk.manage).origin,
				'content-type': 'application/x-www-form-urlencoded'
			},
			data: '',
			maxRedirects: 0
		});
		expect(post.status()).toBe(404);
		// Signed out: the sign-in page, not the kiosk.
		await other.context().clearCookies();
		await other.goto(kiosk.manage);
		await expect(other).toHaveURL(/\/teach\/signin/);
	} finally {
		await other.close();
	}
});

test('kiosk screens pass axe in the dark theme too', async ({ page, browser, baseURL }) => {
	await signUpOwner(page);
	const kiosk = await createKiosk(page, { roundSize: 1 });
	const context = await browser.newContext({
		baseURL,
		viewport: ORIENTATIONS.portrait,
		hasTouch: true,
		colorScheme: 'dark'
	});
	const screen = await context.newPage();
	try {
		await screen.goto(kiosk.address);
		await expectAccessible(screen, 'kiosk attract (dark)');
		await screenshotKiosk(screen, 'attract-dark', 'portrait');
		await screen.getByRole('button', { name: 'Touch to play' }).tap();
		await screen.waitForURL(/\/play\/[A-Za-z0-9_-]{22}$/);
		await expectAccessible(screen, 'kiosk question (dark)');
		await answerCurrent(screen, true);
		await screen.waitForURL(/\/feedback\/1$/);
		await expectAccessible(screen, 'kiosk feedback (dark)');
		await screenshotKiosk(screen, 'feedback-dark', 'portrait');
		await screen.getByRole('link', { name: 'See your score' }).tap();
		await tapInitials(screen, 'ZED');
		await expectAccessible(screen, 'kiosk end (dark)');
		await screen.getByRole('button', { name: 'Put me on the board' }).tap();
		await screen.waitForURL(/\/board\?entry=/);
		await expectAccessible(screen, 'kiosk board (dark)');
		await screenshotKiosk(screen, 'board-dark', 'portrait');
	} finally {
		await context.close();
	}
});

test('the teacher’s kiosk pages pass axe and refuse bad settings with a message', async ({
	page
}) => {
	await signUpOwner(page);
	await page.goto('/teach/kiosks');
	await expect(page.getByText('No kiosks yet.')).toBeVisible();
	await expectAccessible(page, 'teacher kiosks, empty');

	await page.goto('/teach/kiosks/new');
	await expectAccessible(page, 'new kiosk form');
	// The browser's own checks aside, the server says what is wrong and keeps what was typed.
	await page.locator('form.fields').evaluate((f) => f.setAttribute('novalidate', ''));
	await page.getByLabel('Title').fill('Lobby');
	await page.getByLabel('Questions per round').fill('99');
	await page.getByRole('button', { name: 'Create kiosk' }).click();
	await expect(page.getByRole('alert')).toHaveText('A round asks at most 20 questions.');
	await expect(page.getByLabel('Title')).toHaveValue('Lobby');
	await expectAccessible(page, 'new kiosk form with an error');
	const post = await page.request.post('/teach/kiosks/new', {
		headers: {
			origin: new URL(page.url()).origin,
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html'
		},
		data: 'title=Lobby&quizzes=not-a-quiz&roundSize=5&idleSeconds=60',
		maxRedirects: 0
	});
	expect(post.status()).toBe(400);
	expect(await post.text()).toContain('Pick quizzes from the list.');

	const kiosk = await createKiosk(page, { title: 'Museum hall', quizzes: ['skill-sourcing'] });
	await expect(page.getByRole('heading', { name: 'The kiosk’s address' })).toBeVisible();
	// The address and the whole start command, each with a Copy button that really copies.
	const launch = page.getByLabel(/Start Chromium full-screen/);
	await expect(launch).toHaveValue(new RegExp(`--incognito "${kiosk.address}"`));
	await expect(launch).toHaveValue(/^until curl/);
	await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.getByRole('button', { name: 'Copy' }).first().click();
	await expect(page.getByRole('status').filter({ hasText: 'Copied.' })).toBeVisible();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(kiosk.address);
	await expectAccessible(page, 'kiosk page with its address');
	await screenshotAllSizes(page, 'teacher-kiosk');
	// Shown once: the address is not kept, so a reload no longer shows it.
	await page.reload();
	await expect(page.getByLabel('Kiosk address')).toHaveCount(0);

	// Settings can change; a new address stops the old one.
	await page.getByLabel('Idle timeout (seconds)').fill('90');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('status')).toHaveText('Saved.');
	await page.getByRole('button', { name: 'Get a new address' }).click();
	const renewed = await page.getByLabel('Kiosk address').inputValue();
	expect(renewed).not.toBe(kiosk.address);
	const old = await page.request.get(kiosk.address);
	expect(old.status()).toBe(404);
	expect((await page.request.get(renewed)).status()).toBe(200);

	await page.goto('/teach/kiosks');
	await expect(page.getByRole('link', { name: 'Museum hall' })).toBeVisible();
	await expectAccessible(page, 'teacher kiosks list');
	await screenshotAllSizes(page, 'teacher-kiosks');
});

test('the attract screen moves, and stands still for reduced motion', async ({
	page,
	browser,
	baseURL
}) => {
	await signUpOwner(page);
	const kiosk = await createKiosk(page);
	for (const reducedMotion of ['no-preference', 'reduce'] as const) {
		const context = await browser.newContext({ baseURL, reducedMotion, hasTouch: true });
		const screen = await context.newPage();
		try {
			await screen.clock.install();
			await screen.goto(kiosk.address);
			const prompt = screen.locator('.sample .prompt').last();
			const first = await prompt.textContent();
			await screen.clock.runFor(6_000);
			if (reducedMotion === 'reduce') {
				await expect(prompt).toHaveText(first ?? '');
				const button = screen.getByRole('button', { name: 'Touch to play' });
				const duration = await button.evaluate((b) => getComputedStyle(b).animationDuration);
				expect(parseFloat(duration)).toBeLessThan(0.05);
			} else await expect(prompt).not.toHaveText(first ?? '');
		} finally {
			await context.close();
		}
	}
});

import { expect, test, type Browser } from '@playwright/test';
import { TestServer } from './support/server';
import { answerAndContinue, answerCurrent } from './support/play';
import { testPort } from './support/ports';

/** Reads "Question N of M" progress and the score from the play page. */
async function progress(page: import('@playwright/test').Page) {
	const stats = page.locator('.stats');
	return {
		at: await stats.getByText(/^\d+ of \d+$/).textContent(),
		score: Number(await stats.locator('p', { hasText: 'Score' }).locator('strong').textContent())
	};
}

test('closing the tab and coming back resumes the play where it stood', async ({
	page,
	context
}) => {
	await page.goto('/quiz/skill-framing');
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await page.waitForURL(/\/play\/[^/]+$/);
	const playUrl = page.url();
	await answerAndContinue(page, true);
	await answerAndContinue(page, true);
	const before = await progress(page);
	expect(before.at).toMatch(/^3 of/);
	await page.close();

	// A new tab: the home page offers to carry on, with the score intact.
	const tab = await context.newPage();
	await tab.goto('/');
	const resume = tab.getByRole('region', { name: 'Carry on where you left off' });
	await resume.getByRole('link', { name: /Framing/ }).click();
	await expect(tab).toHaveURL(playUrl);
	expect(await progress(tab)).toEqual(before);

	// Reloading shows the same question again, not a new one.
	const question = await tab.locator('input[name="question"]').getAttribute('value');
	await tab.reload();
	expect(await tab.locator('input[name="question"]').getAttribute('value')).toBe(question);
});

/** A server of its own on a fresh file, and a page on it with a mixed quiz just started. */
async function mixedQuizOn(browser: Browser, port: number, name: string) {
	const server = TestServer.fresh(port, name);
	await server.start();
	const context = await browser.newContext({ baseURL: server.url });
	const page = await context.newPage();
	await page.goto('/quiz/mixed');
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await page.waitForURL(/\/play\/[^/]+$/);
	return { server, context, page };
}

test('an acknowledged answer survives a server crash and restart', async ({ browser }) => {
	const { server, context, page } = await mixedQuizOn(browser, testPort(91), 'restart');
	try {
		const playUrl = page.url();
		for (let i = 0; i < 3; i++) await answerAndContinue(page, i !== 1);
		const before = await progress(page);
		expect(before.at).toBe('4 of 10');
		expect(before.score).toBeGreaterThan(0);

		// Killed without warning, as a power cut would; then started again on the same file.
		await server.kill();
		await server.start();

		await page.goto('/');
		await page
			.getByRole('region', { name: 'Carry on where you left off' })
			.getByRole('link', { name: /Mixed quiz/ })
			.click();
		await expect(page).toHaveURL(playUrl);
		expect(await progress(page)).toEqual(before);
		await answerCurrent(page, true);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Right!/);
	} finally {
		await context.close();
		await server.kill();
	}
});

test('a server told to stop ends at once, and its answers are there after a start', async ({
	browser
}) => {
	const { server, context, page } = await mixedQuizOn(browser, testPort(92), 'stop');
	try {
		for (let i = 0; i < 2; i++) await answerAndContinue(page, true);
		const before = await progress(page);

		// As a service manager stops it: the store, its threads and its connections must let go.
		expect(await server.stop('SIGTERM')).toBe(0);
		await server.start();

		await page.reload();
		expect(await progress(page)).toEqual(before);
	} finally {
		await context.close();
		await server.kill();
	}
});

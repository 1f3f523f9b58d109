import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, screenshotAllSizes } from './support/look';
import { answerCurrent, currentQuestion } from './support/play';

async function check(page: Page, name: string) {
	await expectAccessible(page, name);
	await screenshotAllSizes(page, name);
}

for (const colorScheme of ['light', 'dark'] as const) {
	test(`every student page passes axe in the ${colorScheme} theme`, async ({ page }) => {
		await page.emulateMedia({ colorScheme });
		const name = (n: string) => (colorScheme === 'light' ? n : `${n}-dark`);

		await page.goto('/');
		await check(page, name('home'));
		await page.goto('/articles/mother-jones');
		await check(page, name('reader'));
		await page.goto(
			'/articles/slate?quote=' + encodeURIComponent('Partnering with Putin') + '#evidence'
		);
		await expect(page.locator('mark#evidence')).toHaveText('Partnering with Putin');
		await expectAccessible(page, 'reader with a highlighted quote');
		await page.goto('/quiz/article-mother-jones');
		await check(page, name('quiz'));

		await page.getByRole('button', { name: 'Start the quiz' }).click();
		const seen = new Set<string>();
		for (let i = 0; i < 12; i++) {
			await page.waitForURL(/\/play\/[^/]+$/);
			const q = await currentQuestion(page);
			if (!seen.has(q.type)) {
				seen.add(q.type);
				await check(page, name(`question-${q.type}`));
			}
			await answerCurrent(page, i % 2 === 0);
			await page.waitForURL(/\/feedback\/\d+$/);
			if (i < 2) await check(page, name(`feedback-${i === 0 ? 'right' : 'wrong'}`));
			await page.getByRole('link', { name: /Next question|See your results/ }).click();
		}
		await page.waitForURL(/\/results$/);
		await check(page, name('results'));
		expect(seen.size).toBe(6);

		await page.goto('/quiz/no-such-quiz');
		await expectAccessible(page, 'not-found page');
	});
}

test('a form error is announced and passes axe', async ({ page }) => {
	await page.goto('/quiz/skill-sourcing');
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await page.waitForURL(/\/play\/[^/]+$/);
	// Skip the browser's own required-field check to reach the server's message.
	await page.locator('form.answer').evaluate((f) => f.setAttribute('novalidate', ''));
	await page.getByRole('button', { name: 'Check my answer' }).click();
	await expect(page.getByRole('alert')).toHaveText(/before you submit|Give an answer for every/);
	await expectAccessible(page, 'question with an error');
});

test('motion stops when the system asks for reduced motion', async ({ page }) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.goto('/quiz/mixed');
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await page.waitForURL(/\/play\/[^/]+$/);
	const duration = await page
		.locator('.fill')
		.evaluate((el) => getComputedStyle(el).transitionDuration);
	expect(parseFloat(duration)).toBeLessThan(0.05);
});

test('no request leaves the app’s own origin', async ({ page, baseURL }) => {
	const outside: string[] = [];
	page.on('request', (req) => {
		const url = new URL(req.url());
		if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== new URL(baseURL ?? '').origin)
			outside.push(req.url());
	});
	await page.goto('/');
	await page.goto('/articles/unsigned-analysis');
	await page.goto('/quiz/compare');
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await page.waitForURL(/\/play\/[^/]+$/);
	for (let i = 0; i < 3; i++) {
		await answerCurrent(page, true);
		await page.waitForURL(/\/feedback\/\d+$/);
		await page.getByRole('link', { name: 'Next question' }).click();
		await page.waitForURL(/\/play\/[^/]+$/);
	}
	expect(outside).toEqual([]);
	// The policy the server sends forbids it too.
	const res = await page.request.get('/');
	expect(res.headers()['content-security-policy']).toContain("default-src 'self'");
});

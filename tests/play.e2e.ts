import { expect, test } from '@playwright/test';
import { QUESTION_TYPES } from '../src/lib/bank/vocabulary';
import { answerCurrent, currentQuestion, playQuiz } from './support/play';

for (const javaScriptEnabled of [true, false]) {
	test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
		test.use({ javaScriptEnabled });

		test('a student plays a quiz through every question type to the results', async ({ page }) => {
			const right = (i: number) => i % 3 !== 1;
			const answered = await playQuiz(page, 'article-mother-jones', right);

			expect(answered).toHaveLength(12);
			expect(new Set(answered.map((q) => q.type))).toEqual(new Set(QUESTION_TYPES));

			await expect(page.getByRole('heading', { name: 'Your results' })).toBeVisible();
			const fullyRight = answered.filter((_, i) => right(i)).length;
			await expect(page.getByText(`${fullyRight} of 12`, { exact: true })).toBeVisible();
			await expect(page.getByRole('img', { name: 'Score by skill' })).toBeVisible();
			// Every question is reviewed with its evidence.
			const review = page.getByRole('region', { name: 'Every question, with the evidence' });
			await expect(review.getByRole('listitem').filter({ hasText: /^Question \d+:/ })).toHaveCount(
				12
			);
			await expect(
				review.getByRole('link', { name: 'See it in the article' }).first()
			).toBeVisible();
		});
	});
}

test('feedback shows the verdict, the right answer, the explanation and the evidence', async ({
	page
}) => {
	await page.goto('/quiz/mixed');
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await page.waitForURL(/\/play\/[^/]+$/);
	const q = await answerCurrent(page, false);
	await page.waitForURL(/\/feedback\/1$/);

	const verdict = page.getByRole('heading', { level: 1 });
	await expect(verdict).toHaveText(/Not this time|Partly right/);
	await expect(verdict).toBeFocused();
	await expect(page.getByText(q.explanation)).toBeVisible();
	const evidence = page.getByRole('region', { name: 'The evidence' });
	await expect(
		evidence.getByText(q.evidence[0].quote.replace(/\s+/g, ' ').trim().slice(0, 20))
	).toBeVisible();

	// The evidence link opens the article at the quote, highlighted.
	await evidence.getByRole('link', { name: 'See it in the article' }).first().click();
	await expect(page.locator('mark#evidence')).toBeVisible();
	await page.getByRole('link', { name: 'Back to the quiz' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Not this time|Partly right/);
	await page.getByRole('link', { name: 'Next question' }).click();
	await expect(page.getByText('2 of 10', { exact: true })).toBeVisible();
});

test('keyboard alone can play a question', async ({ page }) => {
	await page.goto('/quiz/skill-context');
	await page.keyboard.press('Tab'); // skip link
	await page.getByRole('button', { name: 'Start the quiz' }).focus();
	await page.keyboard.press('Enter');
	await page.waitForURL(/\/play\/[^/]+$/);
	const q = await currentQuestion(page);
	// Tab to the first control and choose with the keyboard only.
	const first = page.locator('form.answer').locator('input:not([type=hidden]), select').first();
	await first.focus();
	if (q.type === 'who-said-it' || q.type === 'fact-or-opinion' || q.type === 'select-all') {
		await answerCurrent(page, true);
	} else {
		await page.keyboard.press('Space');
		await page.getByRole('button', { name: 'Check my answer' }).focus();
		await page.keyboard.press('Enter');
	}
	await page.waitForURL(/\/feedback\/1$/);
	await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test('the play page loads one small script, not the framework, and marks a sent answer busy', async ({
	page
}) => {
	await page.goto('/quiz/skill-framing');
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await page.waitForURL(/\/play\/[^/]+$/);
	const scripts: string[] = [];
	page.on('request', (r) => {
		if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
	});
	await page.reload();
	await expect(page.getByRole('button', { name: 'Check my answer' })).toBeVisible();
	expect([...new Set(scripts)]).toEqual(['/play-page.js']);

	// Looked at the moment the form is sent (this listener runs after the page's own, and keeps
	// the form from leaving so the button can be read).
	await page.evaluate(() =>
		addEventListener('submit', (event) => {
			event.preventDefault();
			const button = document.querySelector<HTMLButtonElement>('button.submit');
			document.body.dataset.sent = `${button?.disabled} ${button?.textContent}`;
		})
	);
	await answerCurrent(page, true);
	await expect(page.locator('body')).toHaveAttribute('data-sent', 'true Checking…');
});

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
	// Wherever the quote is on the page, the way back is on screen.
	const back = page.getByRole('link', { name: 'Back to the question' });
	await expect(back).toBeInViewport();
	await page.evaluate(() => window.scrollTo(0, 0));
	await expect(back).toBeInViewport();
	await back.click();
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

test.describe('on a 360 × 740 phone', () => {
	test.use({ viewport: { width: 360, height: 740 } });

	test('the question starts on the first screen, and the verdict and the way on stay in view', async ({
		page
	}) => {
		await page.goto('/quiz/article-slate');
		await page.getByRole('button', { name: 'Start the quiz' }).click();
		await page.waitForURL(/\/play\/[^/]+$/);
		// One row of navigation and a one-line quiz title: the question is near the top.
		const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
		expect(heading?.y ?? Infinity).toBeLessThan(300);
		const widest = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(widest).toBeLessThanOrEqual(360);

		for (let i = 0; i < 3; i++) {
			await answerCurrent(page, i !== 1);
			await page.waitForURL(/\/feedback\/\d+$/);
			const verdict = await page.getByRole('heading', { level: 1 }).boundingBox();
			expect(verdict && verdict.y + verdict.height).toBeLessThan(740);
			// Scrolled to the evidence or not, "Next question" is on screen.
			for (const scroll of [0, 10_000]) {
				await page.evaluate((y) => window.scrollTo(0, y), scroll);
				const next = await page.getByRole('link', { name: 'Next question' }).boundingBox();
				expect(next, `Next question after scrolling to ${scroll}`).not.toBeNull();
				expect(next!.y).toBeGreaterThanOrEqual(0);
				expect(next!.y + next!.height).toBeLessThanOrEqual(740);
			}
			await page.getByRole('link', { name: 'Next question' }).click();
			await page.waitForURL(/\/play\/[^/]+$/);
		}
	});
});

test('results say plainly how each answer scored, mark missed right answers, and count the questions behind each skill', async ({
	page
}) => {
	const answered = await playQuiz(page, 'skill-context', () => false);
	await expect(page.getByRole('heading', { name: 'Your results' })).toBeVisible();
	const review = page.getByRole('region', { name: 'Every question, with the evidence' });
	const lines = await review.locator('p.verdict').allTextContents();
	expect(lines).toHaveLength(answered.length);
	for (const line of lines)
		expect(line.replace(/\s+/g, ' ').trim()).toMatch(
			/^Question \d+: (Right|Partly right|Not right) · (\d+ of \d+ right(, \d+ wrong ticks?)? · )?\+\d+ points?/
		);
	// A right option the student did not choose is marked apart from the ones they chose.
	if (answered.some((q) => q.type === 'select-all' || q.type === 'single-choice'))
		await expect(review.getByText('Right answer: you missed it').first()).toBeVisible();
	// The chart says how many questions each percent stands for.
	await expect(page.getByRole('img', { name: 'Score by skill' })).toContainText(
		`0%of ${answered.length} questions`
	);
	// A one-skill quiz does not offer itself as the practice for its own skill.
	await expect(page.getByRole('link', { name: /Practise my weakest skill/ })).toHaveCount(0);
});

test('a page that does not exist keeps the site header, except on a kiosk', async ({ page }) => {
	const response = await page.goto('/no-such-page');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'We could not find that page' })).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Join a class' })).toBeVisible();

	const kiosk = await page.goto('/kiosk/not-a-kiosk/nothing/here');
	expect(kiosk?.status()).toBe(404);
	await expect(page.locator('a[href]')).toHaveCount(0);
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

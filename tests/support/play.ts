import type { Page } from '@playwright/test';
import type { Question } from '../../src/lib/bank/schema';
import { question } from './bank';

/** The question the page shows now, read from its form. */
export async function currentQuestion(page: Page): Promise<Question> {
	const id = await page.locator('input[name="question"]').getAttribute('value');
	if (!id) throw new Error('no question on the page');
	return question(id);
}

function wrongOf(options: readonly string[], right: string): string {
	const other = options.find((o) => o !== right);
	if (!other) throw new Error('no wrong option');
	return other;
}

/**
 * Fills in the current question with the mouse and keyboard as a student would, right or wrong on
 * purpose, and submits it. Returns the question answered.
 */
export async function answerCurrent(page: Page, right: boolean): Promise<Question> {
	const q = await currentQuestion(page);
	switch (q.type) {
		case 'single-choice':
		case 'find-the-evidence': {
			const pick = right ? q.answer : wrongOf(q.options, q.answer);
			await page.getByRole('radio', { name: pick, exact: true }).check();
			break;
		}
		case 'true-false': {
			const truth = q.answer ? 'True' : 'False';
			await page
				.getByRole('radio', {
					name: right ? truth : truth === 'True' ? 'False' : 'True',
					exact: true
				})
				.check();
			break;
		}
		case 'select-all': {
			const picks = right ? q.answers : q.options.filter((o) => !q.answers.includes(o));
			for (const pick of picks)
				await page.getByRole('checkbox', { name: pick, exact: true }).check();
			break;
		}
		case 'who-said-it': {
			const speakers = [...new Set([...q.pairs.map((p) => p.speaker), ...q.distractors])];
			for (const pair of q.pairs) {
				const group = page.getByRole('group', { name: pair.quote });
				const pick = right ? pair.speaker : wrongOf(speakers, pair.speaker);
				await group.getByRole('radio', { name: pick, exact: true }).check();
			}

			break;
		}
		case 'fact-or-opinion': {
			for (const statement of q.statements) {
				const group = page.getByRole('group', { name: statement.text });
				const pick = right ? statement.label : wrongOf(q.labels, statement.label);
				await group.getByRole('radio', { name: pick, exact: true }).check();
			}
			break;
		}
	}
	await page.getByRole('button', { name: 'Check my answer' }).click();
	return q;
}

/** Starts a quiz from its page and answers every question, right where `rightAt(i)` says so. */
export async function playQuiz(
	page: Page,
	quizId: string,
	rightAt: (index: number) => boolean
): Promise<Question[]> {
	await page.goto(`/quiz/${quizId}`);
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	const answered: Question[] = [];
	for (;;) {
		await page.waitForURL(/\/play\/[^/]+(\/results)?$/);
		if (page.url().endsWith('/results')) return answered;
		answered.push(await answerCurrent(page, rightAt(answered.length)));
		await page.waitForURL(/\/feedback\/\d+$/);
		const next = page.getByRole('link', { name: /Next question|See your results/ });
		await next.click();
	}
}

/** Answers the current question, then follows "Next question" to the one after it. */
export async function answerAndContinue(page: Page, right: boolean): Promise<Question> {
	const q = await answerCurrent(page, right);
	await page.waitForURL(/\/feedback\/\d+$/);
	await page.getByRole('link', { name: 'Next question' }).click();
	await page.waitForURL(/\/play\/[^/]+$/);
	return q;
}

import { expect, type Page } from '@playwright/test';

/** A short local-news article written for the tests: quotes, a named and an unnamed source, a promo. */
export const RIVER_ARTICLE = [
	'Council votes to close Riverside pool',
	'Sign up for our morning newsletter',
	'The city council voted 5-2 on Tuesday to close the Riverside public pool at the end of the summer.',
	'“We cannot keep paying for a building that loses money every month,” said Mayor Dana Ortiz.',
	'Swimmers who use the pool every morning disagreed. “This pool is the heart of the neighbourhood,” said lifeguard Sam Patel.',
	'A council official, who asked not to be named, said the site could be sold to a developer.',
	'According to the city’s budget report, repairs would cost $2.4 million.',
	'The decision is a short-sighted mistake that the city will regret.'
].join('\n');

/** Pastes an article with its details and lands on its page; returns its id. */
export async function addArticle(page: Page, text = RIVER_ARTICLE): Promise<string> {
	await page.goto('/teach/articles', { waitUntil: 'networkidle' });
	await page.getByLabel('The article’s text').fill(text);
	await page.getByLabel('Headline').fill('Council votes to close Riverside pool');
	await page.getByLabel('Outlet').fill('The Riverside Courier');
	await page.getByRole('button', { name: 'Add the article' }).click();
	await expect(page).toHaveURL(/\/teach\/articles\/t-[a-f0-9]{20}$/);
	return page.url().split('/').pop() ?? '';
}

/** Selects words inside the editor's copy of the article, as a teacher does with the mouse. */
export async function selectInArticle(page: Page, words: string): Promise<void> {
	await page.evaluate((words) => {
		const paragraphs = [...document.querySelectorAll('.article p')];
		const p = paragraphs.find((el) => el.textContent?.includes(words));
		const node = p?.firstChild;
		if (!node?.textContent) throw new Error(`not in the article: ${words}`);
		const start = node.textContent.indexOf(words);
		const range = document.createRange();
		range.setStart(node, start);
		range.setEnd(node, start + words.length);
		const selection = window.getSelection();
		selection?.removeAllRanges();
		selection?.addRange(range);
	}, words);
	await page.getByRole('button', { name: 'Use the selected text as evidence' }).click();
	await expect(page.getByRole('checkbox', { name: words })).toBeChecked();
}

/** The parts of the editor every type shares. */
export async function fillCommon(
	page: Page,
	q: { prompt: string; explanation: string; skill?: string; difficulty?: string }
): Promise<void> {
	await page.getByLabel('Prompt', { exact: true }).fill(q.prompt);
	await page.getByLabel(/^Explanation/).fill(q.explanation);
	if (q.skill) await page.getByLabel('Skill', { exact: true }).selectOption({ label: q.skill });
	if (q.difficulty) await page.getByLabel('Difficulty', { exact: true }).selectOption(q.difficulty);
}

export async function openEditor(page: Page, articleId: string, type: string): Promise<void> {
	await page.goto(`/teach/articles/${articleId}/questions/new?type=${type}`, {
		waitUntil: 'networkidle'
	});
}

export async function saveQuestion(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Check and save' }).click();
	await expect(page).toHaveURL(/\/questions\/q-[a-f0-9]{20}\?saved=1$/);
}

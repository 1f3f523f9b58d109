import { expect, test, type Page } from '@playwright/test';
import { addArticle, fillCommon, openEditor } from './support/authoring';
import { expectAccessible, screenshotAllSizes } from './support/look';
import { signInTeacher, signUpTeacher } from './support/teacher';

const LONGEST = /^The right option is the longest one/;
const NO_RIGHT = 'Tick the option that is right.';
const LONG_ANSWER = 'The city council of Riverside, by five votes to two at its Tuesday meeting';

/** Waits until the editor's newest check has answered. */
async function settled(page: Page) {
	await expect(page.locator('form.editor')).toHaveAttribute('data-check', 'done');
}

async function fillQuestion(page: Page) {
	await fillCommon(page, {
		prompt: 'Which body decided to close the pool?',
		explanation: 'The council voted 5-2. Swimmers and lifeguards spoke, but did not decide.'
	});
	await page.getByLabel('Option 2', { exact: true }).fill('The swimmers');
	await page.getByLabel('Option 3', { exact: true }).fill('The pool’s lifeguards');
	await page.getByText('Choose whole sentences').click();
	await page.getByRole('checkbox', { name: /^The city council voted 5-2/ }).check();
}

async function expectNoQuestions(page: Page, articleId: string) {
	await page.goto(`/teach/articles/${articleId}`);
	await expect(page.getByText('No questions on this article yet.')).toBeVisible();
}

test('the editor checks as the teacher types, and without JavaScript on request, saving nothing', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const context = await browser.newContext();
	const page = await context.newPage();
	const teacher = await signUpTeacher(page);
	const articleId = await addArticle(page);

	await openEditor(page, articleId, 'single-choice');
	await fillQuestion(page);
	// Typed key by key, as a teacher does: one check once the typing pauses.
	await page.getByLabel('Option 1', { exact: true }).pressSequentially('The city council');
	await settled(page);
	const choices = page.locator('#notes-choices');
	const summary = page.locator('#check-summary');
	await expect(choices).toHaveText(NO_RIGHT);
	await expect(summary).toHaveText('1 problem to fix before saving.');
	await expect(page.getByRole('list', { name: 'To fix' })).toHaveText(NO_RIGHT);

	await page.getByRole('radio', { name: 'Option 1 is right' }).check();
	await settled(page);
	await expect(summary).toHaveText('Nothing to fix: it can be saved.');
	await expect(choices).toBeEmpty();

	// The no-reading solver's warning, without saving; the fix clears it.
	await page.getByLabel('Option 1', { exact: true }).fill(LONG_ANSWER);
	await settled(page);
	await expect(choices.getByText(LONGEST)).toBeVisible();
	await expect(summary).toHaveText('1 warning: students could guess it.');
	await expectAccessible(page, 'editor with a live warning');
	await screenshotAllSizes(page, 'live-check-editor');
	await page.getByLabel('Option 1', { exact: true }).fill('The city council');
	await settled(page);
	await expect(choices).toBeEmpty();
	await expect(summary).toHaveText('Nothing to fix: it can be saved.');
	await expectNoQuestions(page, articleId);
	await context.close();

	// Without JavaScript the button asks the same check through a plain form post.
	const plain = await browser.newContext({ javaScriptEnabled: false });
	const noScript = await plain.newPage();
	await signInTeacher(noScript, teacher);
	await openEditor(noScript, articleId, 'single-choice');
	await fillQuestion(noScript);
	await noScript.getByLabel('Option 1', { exact: true }).fill(LONG_ANSWER);
	await noScript.getByRole('button', { name: 'Check without saving' }).click();
	await expect(noScript.locator('#notes-choices')).toHaveText(NO_RIGHT);
	await expect(noScript.getByLabel('Option 1', { exact: true })).toHaveValue(LONG_ANSWER);
	await noScript.getByRole('radio', { name: 'Option 1 is right' }).check();
	await noScript.getByRole('button', { name: 'Check without saving' }).click();
	await expect(noScript.locator('#notes-choices').getByText(LONGEST)).toBeVisible();
	await expect(noScript.locator('#check-summary')).toHaveText(
		'1 warning: students could guess it.'
	);
	await expectNoQuestions(noScript, articleId);
	await plain.close();
});

import { expect, test, type Page } from '@playwright/test';
import { addArticle, fillCommon, openEditor, saveQuestion } from './support/authoring';
import { expectAccessible, screenshotAllSizes } from './support/look';
import { newTeacher, signUpTeacher } from './support/teacher';

const PROMPT = 'Which body decided to close the pool?';
const HEADLINE = 'Council votes to close Riverside pool';

async function expectNotFound(page: Page, articleId: string) {
	const view = await page.goto(`/teach/shared/${articleId}`);
	expect(view?.status()).toBe(404);
	const copy = await page.request.post(`/teach/shared/${articleId}?/copy`, {
		form: {},
		headers: { origin: new URL(page.url()).origin }
	});
	expect(copy.status()).toBe(404);
}

test('a teacher shares a set read-only; another reads it and copies it; the copy stays theirs', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const ownerContext = await browser.newContext();
	const owner = await ownerContext.newPage();
	const ownerName = `Ms Rivera ${Date.now()}`;
	await signUpTeacher(owner, newTeacher(ownerName));
	const articleId = await addArticle(owner);
	await openEditor(owner, articleId, 'single-choice');
	await fillCommon(owner, {
		prompt: PROMPT,
		explanation: 'The council voted 5-2. Swimmers and lifeguards spoke, but did not decide.'
	});
	await owner.getByLabel('Option 1', { exact: true }).fill('The city council');
	await owner.getByLabel('Option 2', { exact: true }).fill('The swimmers');
	await owner.getByLabel('Option 3', { exact: true }).fill('The pool’s lifeguards');
	await owner.getByRole('radio', { name: 'Option 1 is right' }).check();
	await owner.getByText('Choose whole sentences').click();
	await owner.getByRole('checkbox', { name: /^The city council voted 5-2/ }).check();
	await saveQuestion(owner);
	const editUrl = owner.url().replace(/\?saved=1$/, '');

	// Not shared yet: another teacher finds nothing, as for an article that does not exist.
	const otherContext = await browser.newContext();
	const other = await otherContext.newPage();
	await signUpTeacher(other, newTeacher('Mr Okafor'));
	await expectNotFound(other, articleId);
	await expectNotFound(other, 't-0123456789abcdef0123');

	await owner.goto(`/teach/articles/${articleId}`, { waitUntil: 'networkidle' });
	await owner.getByRole('button', { name: 'Share read-only' }).click();
	await expect(owner.getByRole('status')).toHaveText('Shared with the other teachers.');
	await expect(owner.getByRole('button', { name: 'Stop sharing' })).toBeVisible();

	// The other teacher's list, the read-only view with the right answer marked, and a copy.
	await other.goto('/teach/articles', { waitUntil: 'networkidle' });
	const listed = other
		.getByRole('list', { name: 'Shared by other teachers' })
		.getByRole('listitem')
		.filter({ hasText: `shared by ${ownerName}` });
	await listed.getByRole('link', { name: HEADLINE }).click();
	await expect(other.getByRole('heading', { level: 1, name: HEADLINE })).toBeVisible();
	await expect(other.getByText(`Shared by ${ownerName} · read only`)).toBeVisible();
	await expect(other.getByRole('heading', { name: PROMPT })).toBeVisible();
	await expect(
		other.getByRole('listitem').filter({ hasText: /^The city council — right$/ })
	).toBeVisible();
	await expect(other.getByRole('textbox')).toHaveCount(0);
	await expectAccessible(other, 'a shared set');
	await screenshotAllSizes(other, 'sharing-shared-set');
	await other.getByRole('button', { name: 'Copy to my account' }).click();
	await expect(other).toHaveURL(/\/teach\/articles\/t-[a-f0-9]{20}\?copied=1$/);
	const copyId = new URL(other.url()).pathname.split('/').pop();
	expect(copyId).not.toBe(articleId);
	await expect(other.getByRole('status')).toContainText('Copied to your account');
	await expect(other.getByRole('link', { name: PROMPT })).toBeVisible();

	// The original changes; the copy does not. Then sharing stops, and the shared view is gone.
	await owner.goto(editUrl, { waitUntil: 'networkidle' });
	await owner.getByLabel('Prompt', { exact: true }).fill('Who decided the pool’s fate?');
	await owner.getByRole('button', { name: 'Check and save' }).click();
	await expect(owner.getByRole('status').getByText('Saved.', { exact: true })).toBeVisible();
	await other.goto(`/teach/articles/${copyId}`);
	await expect(other.getByRole('link', { name: PROMPT })).toBeVisible();

	await owner.goto(`/teach/articles/${articleId}`, { waitUntil: 'networkidle' });
	await owner.getByRole('button', { name: 'Stop sharing' }).click();
	await expect(owner.getByRole('status')).toHaveText('No longer shared.');
	await expectNotFound(other, articleId);
	await ownerContext.close();
	await otherContext.close();
});

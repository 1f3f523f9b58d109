import { expect, test, type Page } from '@playwright/test';
import { createAssignment, joinAs } from './support/assignment';
import {
	addArticle,
	fillCommon,
	openEditor,
	saveQuestion,
	selectInArticle
} from './support/authoring';
import { kioskPath, signUpOwner } from './support/kiosk';
import { expectAccessible, screenshotAllSizes } from './support/look';
import { signUpTeacher } from './support/teacher';

const HEADLINE = 'Council votes to close Riverside pool';
const PROMPT = 'The article names the official who said the site could be sold.';
const REVISED = 'The article gives the name of the official who spoke of a sale.';

/** The kiosk screen, which has no teacher session: from the attract screen to a round's question. */
async function startRound(screen: Page, address: string): Promise<void> {
	await screen.goto(address, { waitUntil: 'networkidle' });
	await screen.getByRole('button', { name: 'Touch to play' }).click();
	await screen.waitForURL(/\/play\/[A-Za-z0-9_-]{22}$/);
}

test('a kiosk draws from its owner’s own article; the article opens only for those whose questions ask about it', async ({
	browser
}) => {
	test.setTimeout(300_000);
	const teacherContext = await browser.newContext();
	const page = await teacherContext.newPage();
	await signUpOwner(page);
	const articleId = await addArticle(page);
	await openEditor(page, articleId, 'true-false');
	await fillCommon(page, {
		prompt: PROMPT,
		explanation: 'The official asked not to be named.',
		skill: 'Sources',
		difficulty: '1'
	});
	await page.getByRole('radio', { name: 'False' }).check();
	await selectInArticle(page, 'who asked not to be named');
	await saveQuestion(page);
	const editUrl = page.url();

	// A kiosk drawing only from that article: no quiz of the bank ticked.
	await page.goto('/teach/kiosks/new', { waitUntil: 'networkidle' });
	await page.getByLabel('Title').fill('Our pool story');
	const ticked = page.locator('input[name=quizzes]:checked');
	while ((await ticked.count()) > 0) await ticked.first().uncheck();
	await page.getByRole('checkbox', { name: `${HEADLINE} (1 question)` }).check();
	await expectAccessible(page, 'new kiosk form with an article of one’s own');
	await screenshotAllSizes(page, 'kiosk-own-articles');
	await page.getByRole('button', { name: 'Create kiosk' }).click();
	await expect(page).toHaveURL(/\/teach\/kiosks\/[A-Za-z0-9_-]{16}$/);
	const address = await page.getByLabel('Kiosk address').inputValue();
	await expect(page.getByText('1 question to draw from.')).toBeVisible();
	await expect(page.getByRole('checkbox', { name: `${HEADLINE} (1 question)` })).toBeChecked();

	// The screen plays a round of that question and opens its evidence in the kiosk's reader.
	const screenContext = await browser.newContext();
	const screen = await screenContext.newPage();
	await startRound(screen, address);
	await expect(screen.getByRole('heading', { level: 1 })).toHaveText(PROMPT);
	await screen.getByRole('radio', { name: 'False', exact: true }).check();
	await screen.getByRole('button', { name: 'Check my answer' }).click();
	await screen.waitForURL(/\/feedback\/1$/);
	await screen.getByRole('link', { name: 'See it in the article' }).first().click();
	await expect(screen.locator('mark#evidence')).toHaveText('who asked not to be named');
	expect(new URL(screen.url()).pathname).toContain(`${kioskPath(address)}/play/`);

	// The teacher edits the question: the next round asks the new version.
	await page.goto(editUrl, { waitUntil: 'networkidle' });
	await page.getByLabel('Prompt', { exact: true }).fill(REVISED);
	await page.getByRole('button', { name: 'Check and save' }).click();
	await expect(page.getByText(/Saved/).first()).toBeVisible();
	await startRound(screen, address);
	await expect(screen.getByRole('heading', { level: 1 })).toHaveText(REVISED);

	// Another teacher cannot pick the article, not even by posting its id.
	const otherContext = await browser.newContext();
	const other = await otherContext.newPage();
	await signUpTeacher(other);
	await other.goto('/teach/kiosks/new', { waitUntil: 'networkidle' });
	await expect(other.getByRole('checkbox', { name: new RegExp(HEADLINE) })).toHaveCount(0);
	const forged = await other.request.post('/teach/kiosks/new', {
		headers: {
			origin: new URL(other.url()).origin,
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html'
		},
		data: `title=Lobby&articles=${articleId}&roundSize=5&idleSeconds=60`,
		maxRedirects: 0
	});
	expect(forged.status()).toBe(400);
	expect(await forged.text()).toContain('Pick articles from your own list');

	// Nobody else reads the article: the same 404 as for an article that does not exist.
	const missing = await other.goto('/articles/t-00000000000000000000');
	expect(missing?.status()).toBe(404);
	const missingText = await other.getByRole('main').textContent();
	for (const path of [
		`/articles/${articleId}`,
		`/articles/${articleId}?back=/play/${'A'.repeat(22)}`
	]) {
		const response = await other.goto(path);
		expect(response?.status(), path).toBe(404);
		expect(await other.getByRole('main').textContent()).toBe(missingText);
	}

	// A student whose play asks about it reads it from the link on the feedback page, and only so.
	const { joinCode } = await createAssignment(page, { filter: 'origin=own', count: 1 });
	const studentContext = await browser.newContext();
	const student = await studentContext.newPage();
	await joinAs(student, joinCode, 'Ama');
	await student.getByRole('radio', { name: 'False', exact: true }).check();
	await student.getByRole('button', { name: 'Check my answer' }).click();
	await student.waitForURL(/\/feedback\/1$/);
	await student.getByRole('link', { name: 'See it in the article' }).first().click();
	await expect(student).toHaveURL(new RegExp(`/articles/${articleId}\\?quote=`));
	await expect(student.locator('mark#evidence')).toHaveText('who asked not to be named');
	await expect(student.getByRole('link', { name: 'Back to the question' })).toBeVisible();
	const alone = await student.goto(`/articles/${articleId}`);
	expect(alone?.status()).toBe(404);

	for (const context of [teacherContext, screenContext, otherContext, studentContext])
		await context.close();
});

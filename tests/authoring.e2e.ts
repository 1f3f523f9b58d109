import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createAssignment, joinAs } from './support/assignment';
import {
	addArticle,
	fillCommon,
	openEditor,
	saveQuestion,
	selectInArticle
} from './support/authoring';
import { expectAccessible, screenshotAllSizes } from './support/look';
import { signInTeacher, signUpTeacher, type TeacherLogin } from './support/teacher';

type BrowserContextState = Awaited<ReturnType<BrowserContext['storageState']>>;

const PROMO = 'Sign up for our morning newsletter';
const BUDGET = 'According to the city’s budget report, repairs would cost $2.4 million.';
const VERDICT = 'The decision is a short-sighted mistake that the city will regret.';
const VOTE =
	'The city council voted 5-2 on Tuesday to close the Riverside public pool at the end of the summer.';

/** How a student answers each question right, found by its prompt. */
const ANSWERS: Record<string, (page: Page) => Promise<void>> = {
	'Which body decided to close the pool?': (p) =>
		p.getByRole('radio', { name: 'The city council', exact: true }).check(),
	'Which people does the article name?': async (p) => {
		await p.getByRole('checkbox', { name: 'Dana Ortiz', exact: true }).check();
		await p.getByRole('checkbox', { name: 'Sam Patel', exact: true }).check();
	},
	'The article names the official who said the site could be sold.': (p) =>
		p.getByRole('radio', { name: 'False', exact: true }).check(),
	'Who said each of these?': async (p) => {
		await p
			.getByRole('group', { name: /We cannot keep paying/ })
			.getByRole('radio', { name: 'Mayor Dana Ortiz', exact: true })
			.check();
		await p
			.getByRole('group', { name: /heart of the neighbourhood/ })
			.getByRole('radio', { name: 'Sam Patel', exact: true })
			.check();
	},
	'Which sentence shows that repairs would be expensive?': (p) =>
		p.getByRole('radio', { name: BUDGET, exact: true }).check(),
	'Sort these sentences from the article.': async (p) => {
		await p.getByRole('group', { name: VOTE }).getByRole('radio', { name: 'Fact' }).check();
		await p.getByRole('group', { name: VERDICT }).getByRole('radio', { name: 'Opinion' }).check();
	}
};

test.describe.configure({ mode: 'serial' });

let articleId = '';
let author: TeacherLogin | undefined;
let editUrl = '';
/** The student's feedback on a question of the article, and the browser state that opens it. */
let studentFeedback: { url: string; prompt: string; state: BrowserContextState } | undefined;

test('a teacher adds an article, marks furniture, writes one question of each type, previews, assigns; a student plays it', async ({
	browser
}) => {
	test.setTimeout(300_000);
	const teacherContext = await browser.newContext();
	const page = await teacherContext.newPage();
	author = await signUpTeacher(page);
	await page.getByRole('link', { name: 'Articles' }).click();
	await expectAccessible(page, 'articles, empty');

	// A page too long, or with nothing in it, gets a message a person can act on.
	await page.goto('/teach/articles', { waitUntil: 'networkidle' });
	await page.getByRole('button', { name: 'Add the article' }).click();
	await expect(page.getByRole('alert')).toHaveText('Paste the article’s text, or upload a file.');

	articleId = await addArticle(page);
	await expect(
		page.getByRole('heading', { name: 'Council votes to close Riverside pool' })
	).toBeVisible();

	// Page furniture, marked block by block.
	await page
		.getByRole('combobox', { name: 'Part of the page' })
		.nth(1)
		.selectOption({ label: 'Newsletter sign-up (furniture)' });
	await page.getByRole('combobox', { name: 'Part of the page' }).first().selectOption('headline');
	await page.getByRole('button', { name: 'Save details and parts' }).click();
	await expect(page.getByRole('status')).toHaveText('Saved.');
	// The form keeps what was saved, so saving again changes nothing by accident.
	await expect(page.getByLabel('Outlet')).toHaveValue('The Riverside Courier');
	await expect(page.getByRole('combobox', { name: 'Part of the page' }).nth(1)).toHaveValue(
		'newsletter-box'
	);
	await expectAccessible(page, 'article page');
	await screenshotAllSizes(page, 'authoring-article');

	// single-choice: a problem first (no right option ticked), then the fix; evidence by selection.
	await openEditor(page, articleId, 'single-choice');
	await fillCommon(page, {
		prompt: 'Which body decided to close the pool?',
		explanation: 'The council voted 5-2. Swimmers and lifeguards spoke, but did not decide.'
	});
	await page.getByLabel('Option 1', { exact: true }).fill('The city council');
	await page.getByLabel('Option 2', { exact: true }).fill('The swimmers');
	await page.getByLabel('Option 3', { exact: true }).fill('The pool’s lifeguards');
	await selectInArticle(page, 'voted 5-2 on Tuesday to close the Riverside public pool');
	await page.getByRole('button', { name: 'Check and save' }).click();
	await expect(page.getByRole('list', { name: 'To fix' })).toContainText(
		'Tick the option that is right.'
	);
	await expectAccessible(page, 'editor with problems');
	await screenshotAllSizes(page, 'authoring-editor');
	await page.getByRole('radio', { name: 'Option 1 is right' }).check();
	await saveQuestion(page);

	// The preview is the student's own form; answering it shows the feedback, graded on the server.
	await page.getByRole('radio', { name: 'The swimmers', exact: true }).check();
	await page.getByRole('button', { name: 'Check my answer' }).click();
	const feedback = page.getByRole('heading', { name: 'The feedback' });
	await expect(feedback).toBeVisible();
	await expect(page.getByText('Right answer: you missed it')).toBeVisible();
	await expectAccessible(page, 'question page with feedback');
	await screenshotAllSizes(page, 'authoring-question');
	editUrl = page.url().replace(/\?saved=1$/, '');

	// select-all, keyboard only: Tab between the fields, Space to tick.
	await openEditor(page, articleId, 'select-all');
	await page.getByLabel('Prompt', { exact: true }).focus();
	await page.keyboard.type('Which people does the article name?');
	for (const [i, option] of ['Dana Ortiz', 'Sam Patel', 'The council official'].entries()) {
		await page.keyboard.press('Tab');
		await expect(page.getByLabel(`Option ${i + 1}`, { exact: true })).toBeFocused();
		await page.keyboard.type(option);
		await page.keyboard.press('Tab');
		if (i < 2) await page.keyboard.press('Space');
	}
	await page.getByLabel(/^Explanation/).focus();
	await page.keyboard.type('The mayor and the lifeguard are named. The official asked not to be.');
	await page
		.getByRole('group', { name: 'Choose whole sentences' })
		.or(page.getByText('Choose whole sentences'))
		.first()
		.focus();
	await page.keyboard.press('Enter');
	const sentence = page.getByRole('checkbox', {
		name: 'A council official, who asked not to be named, said the site could be sold to a developer.'
	});
	await sentence.focus();
	await page.keyboard.press('Space');
	await expect(sentence).toBeChecked();
	await page.getByRole('button', { name: 'Check and save' }).focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\?saved=1$/);

	await openEditor(page, articleId, 'true-false');
	await fillCommon(page, {
		prompt: 'The article names the official who said the site could be sold.',
		explanation: 'The official asked not to be named, so readers cannot judge what they know.',
		skill: 'Sources'
	});
	await page.getByRole('radio', { name: 'False' }).check();
	await selectInArticle(page, 'who asked not to be named');
	await saveQuestion(page);

	await openEditor(page, articleId, 'who-said-it');
	await fillCommon(page, {
		prompt: 'Who said each of these?',
		explanation: 'Each quote is followed by "said" and the speaker.',
		skill: 'Who said what'
	});
	await page
		.getByLabel('Quote 1')
		.fill('We cannot keep paying for a building that loses money every month');
	await page.getByLabel('Speaker 1').fill('Mayor Dana Ortiz');
	await page.getByLabel('Quote 2').fill('This pool is the heart of the neighbourhood');
	await page.getByLabel('Speaker 2').fill('Sam Patel');
	await selectInArticle(page, 'said Mayor Dana Ortiz');
	await selectInArticle(page, 'said lifeguard Sam Patel');
	await saveQuestion(page);

	await openEditor(page, articleId, 'find-the-evidence');
	await fillCommon(page, {
		prompt: 'Which sentence shows that repairs would be expensive?',
		explanation: 'Only the budget report gives a cost. The other sentences give a vote or a view.',
		skill: 'Evidence'
	});
	await page.getByLabel('Option 1', { exact: true }).fill(BUDGET);
	await page.getByLabel('Option 2', { exact: true }).fill(VERDICT);
	await page.getByLabel('Option 3', { exact: true }).fill(VOTE);
	await page.getByRole('radio', { name: 'Option 1 is right' }).check();
	await selectInArticle(page, 'repairs would cost $2.4 million');
	await saveQuestion(page);

	await openEditor(page, articleId, 'fact-or-opinion');
	await fillCommon(page, {
		prompt: 'Sort these sentences from the article.',
		explanation: 'A vote can be checked. Calling it a mistake is a judgement.',
		skill: 'Fact or opinion'
	});
	await page.getByLabel('Statement 1', { exact: true }).fill(VOTE);
	await page.getByLabel('Statement 2', { exact: true }).fill(VERDICT);
	await page.getByLabel('Statement 2 is').selectOption('Opinion');
	await selectInArticle(page, 'a short-sighted mistake');
	await saveQuestion(page);

	await page.goto(`/teach/articles/${articleId}`);
	await expect(
		page.getByRole('list', { name: 'Questions on this article' }).getByRole('listitem')
	).toHaveCount(6);

	// Assign only the teacher's own questions: they are never in free practice.
	const { joinCode } = await createAssignment(page, {
		filter: 'origin=own',
		count: 6,
		title: 'Riverside pool'
	});

	const studentContext = await browser.newContext();
	const student = await studentContext.newPage();
	await joinAs(student, joinCode, 'Ama');
	const prompt = (await student.getByRole('heading', { level: 1 }).textContent())?.trim() ?? '';
	const answer = ANSWERS[prompt];
	expect(answer, `a known prompt: ${prompt}`).toBeDefined();
	await answer(student);
	await student.getByRole('button', { name: 'Check my answer' }).click();
	await student.waitForURL(/\/feedback\/1$/);
	await expect(student.getByRole('heading', { name: 'Why' })).toBeVisible();
	await student.getByRole('link', { name: 'See it in the article' }).first().click();
	await expect(student).toHaveURL(new RegExp(`/articles/${articleId}\\?quote=`));
	await expect(student.locator('mark#evidence')).toBeVisible();
	await expect(student.getByText(PROMO)).toBeVisible();
	await expectAccessible(student, 'reader on a teacher’s article');
	await screenshotAllSizes(student, 'authoring-reader');

	// Editing the answered question makes a new version; the student's play keeps the old one.
	await page.goto('/teach/articles/' + articleId);
	await page.getByRole('link', { name: prompt }).click();
	await page.getByLabel('Prompt', { exact: true }).fill(`${prompt} (revised)`);
	await page.getByRole('button', { name: 'Check and save' }).click();
	await expect(page.getByText('Saved as a new version')).toBeVisible();
	await expect(page.getByLabel('Prompt', { exact: true })).toHaveValue(`${prompt} (revised)`);
	await student.goBack();
	await student.reload();
	await expect(student.getByRole('heading', { name: prompt, exact: true })).toBeVisible();
	await expect(student.getByText('(revised)')).toHaveCount(0);
	// An edit of a version nobody answered changes it in place.
	await page.goto(editUrl);
	if (prompt !== 'Which body decided to close the pool?') {
		await page.getByRole('button', { name: 'Check and save' }).click();
		await expect(page.getByRole('status').getByText('Saved.', { exact: true })).toBeVisible();
	}
	// Deleting asks first; keeping it changes nothing.
	await page.goto(`${editUrl}/delete`);
	await expect(page.getByText('so their results keep it')).toBeVisible();
	await expectAccessible(page, 'confirming a question’s deletion');
	await screenshotAllSizes(page, 'authoring-delete-question');
	await page.getByRole('link', { name: 'Keep it' }).click();
	await expect(page).toHaveURL(editUrl);
	studentFeedback = { url: student.url(), prompt, state: await studentContext.storageState() };
	await teacherContext.close();
	await studentContext.close();
});

test('another teacher gets 404s for everything of the first teacher’s', async ({ browser }) => {
	expect(articleId).not.toBe('');
	const context = await browser.newContext();
	const page = await context.newPage();
	await signUpTeacher(page);
	for (const path of [
		`/teach/articles/${articleId}`,
		`/teach/articles/${articleId}/questions/new?type=true-false`,
		`/teach/articles/${articleId}/drafts`,
		`/teach/articles/${articleId}/export/council-votes-to-close-riverside-pool.txt`,
		`/teach/articles/${articleId}/delete`,
		`${new URL(editUrl).pathname}/delete`,
		new URL(editUrl).pathname
	]) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(404);
	}
	const post = await page.request.post(`/teach/articles/${articleId}?/revise`, {
		form: { headline: 'Taken over' },
		headers: { origin: new URL(page.url()).origin }
	});
	expect(post.status()).toBe(404);
	for (const path of [
		`/teach/articles/${articleId}/delete`,
		`${new URL(editUrl).pathname}/delete`
	]) {
		const deleting = await page.request.post(path, {
			form: {},
			headers: { origin: new URL(page.url()).origin }
		});
		expect(deleting.status(), path).toBe(404);
	}
	await context.close();
});

test('drafts from an uploaded copy of the bank’s Mother Jones page name its named and unnamed speakers', async ({
	browser
}) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signUpTeacher(page);
	await page.goto('/teach/articles', { waitUntil: 'networkidle' });
	await page.getByLabel(/Or upload a saved page/).setInputFiles({
		name: 'mother-jones.txt',
		mimeType: 'text/plain',
		buffer: readFileSync(resolve(import.meta.dirname, '../questions/articles/mother-jones.txt'))
	});
	await page.getByLabel('Outlet').fill('Mother Jones');
	await page.getByRole('button', { name: 'Add the article' }).click();
	await expect(page).toHaveURL(/\/teach\/articles\/t-[a-f0-9]{20}$/);
	await page.getByRole('link', { name: /Suggested drafts/ }).click();
	const drafts = page.getByRole('list').filter({ hasText: 'Who said it' });
	await expect(drafts).toContainText('a former senior federal official');
	await expect(drafts).toContainText('Dave Aitel');
	await expect(drafts).toContainText('Michael Sulmeyer');
	await expect(drafts).toContainText('Unnamed source: Several sources told Mother Jones');
	await expectAccessible(page, 'drafts');
	await screenshotAllSizes(page, 'authoring-drafts');

	// Accepting a draft opens it in the editor; only saving stores it.
	await page.getByRole('link', { name: 'Review draft 1 in the editor' }).click();
	await expect(page.getByText('A suggested draft')).toBeVisible();
	await expect(page.getByLabel('Speaker 1')).not.toHaveValue('');
	await saveQuestion(page);
	await context.close();
});

test('a saved web page is read down to its article text, and a wrong file type is refused', async ({
	browser
}) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signUpTeacher(page);
	await page.goto('/teach/articles', { waitUntil: 'networkidle' });
	const html = `<!doctype html><html><head><title>Ferry timetable cut</title><script>document.title='x'</script></head>
		<body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
		<article><h1>Ferry timetable cut</h1>
		<p>The island ferry will run four times a day instead of six from March, the operator said on Tuesday, citing the cost of fuel and crew.</p>
		<p>“We are sorry for the inconvenience,” said operations manager Lena Berg, who added that the timetable would be reviewed in the autumn.</p>
		<p>Islanders said the change would make it harder to reach the hospital and the secondary school on the mainland.</p></article>
		<footer>© Island News <a href="/subscribe">Subscribe</a></footer></body></html>`;
	await page.getByLabel(/Or upload a saved page/).setInputFiles({
		name: 'ferry.html',
		mimeType: 'text/html',
		buffer: Buffer.from(html)
	});
	await page.getByRole('button', { name: 'Add the article' }).click();
	await expect(page.getByRole('heading', { name: 'Ferry timetable cut', level: 1 })).toBeVisible();
	await expect(
		page.getByText('“We are sorry for the inconvenience,” said operations manager Lena Berg')
	).toBeVisible();
	await expect(page.getByText('Subscribe')).toHaveCount(0);
	await expect(page.getByText('Home | News')).toHaveCount(0);

	await page.goto('/teach/articles', { waitUntil: 'networkidle' });
	await page.getByLabel(/Or upload a saved page/).setInputFiles({
		name: 'ferry.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.from('%PDF-1.4')
	});
	await page.getByRole('button', { name: 'Add the article' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'Upload a saved page as .html or .htm, or plain text as .txt.'
	);
	await context.close();
});

test('a set exports in the bank’s format, passes the bank’s checker, and imports into a second account', async ({
	browser
}) => {
	expect(author).toBeDefined();
	if (!author) return;
	const contextA = await browser.newContext();
	const a = await contextA.newPage();
	await signInTeacher(a, author);
	await a.goto(`/teach/articles/${articleId}`);
	const links = a.getByRole('link', { name: /^council-votes-to-close-riverside-pool/ });
	await expect(links).toHaveCount(3);
	const files: { name: string; text: string; folder: string }[] = [];
	for (const link of await links.all()) {
		const href = (await link.getAttribute('href')) ?? '';
		const response = await a.request.get(href);
		expect(response.status()).toBe(200);
		const name = decodeURIComponent(href.split('/').pop() ?? '');
		files.push({
			name,
			text: await response.text(),
			folder: name.endsWith('-questions.yaml') ? '' : 'articles'
		});
	}
	const prompts = await a
		.getByRole('list', { name: 'Questions on this article' })
		.getByRole('link')
		.allTextContents();
	expect(prompts).toHaveLength(6);

	// The set passes the bank's own checker (every rule but the whole bank's minimums).
	const dir = mkdtempSync(join(tmpdir(), 'byline-set-'));
	try {
		mkdirSync(join(dir, 'articles'));
		for (const f of files) writeFileSync(join(dir, f.folder, f.name), f.text);
		const out = execFileSync('npx', ['tsx', 'scripts/questions-check.ts', '--set', dir], {
			encoding: 'utf8'
		});
		expect(out).toContain('The set is valid: 6 questions on 1 articles.');
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}

	// A broken set is refused with the checker's file:line:column messages.
	const contextB = await browser.newContext();
	const b = await contextB.newPage();
	await signUpTeacher(b);
	await b.goto('/teach/articles', { waitUntil: 'networkidle' });
	const upload = (list: typeof files) =>
		b
			.getByLabel(/The set’s files/)
			.setInputFiles(
				list.map((f) => ({ name: f.name, mimeType: 'text/plain', buffer: Buffer.from(f.text) }))
			);
	await upload(
		files.map((f) =>
			f.name.endsWith('-questions.yaml') ? { ...f, text: f.text.replace('skill: ', 'skil: ') } : f
		)
	);
	await b.getByRole('button', { name: 'Import the set' }).click();
	await expect(b.getByRole('alert')).toContainText(
		/council-votes-to-close-riverside-pool-questions\.yaml:\d+:\d+: /
	);
	await expectAccessible(b, 'articles with import problems');

	await upload(files);
	await b.getByRole('button', { name: 'Import the set' }).click();
	await expect(b).toHaveURL(/\/teach\/articles\/t-[a-f0-9]{20}$/);
	await expect(
		b.getByRole('list', { name: 'Questions on this article' }).getByRole('link')
	).toHaveText(prompts);
	await b.goto('/teach/articles');
	await expect(
		b.getByRole('link', { name: 'Council votes to close Riverside pool' })
	).toBeVisible();
	await screenshotAllSizes(b, 'authoring-articles');
	await b.getByRole('link', { name: 'Council votes to close Riverside pool' }).click();
	// The furniture marked in the first account came along.
	await expect(b.getByRole('combobox', { name: 'Part of the page' }).nth(1)).toHaveValue(
		'newsletter-box'
	);
	await contextA.close();
	await contextB.close();
});

test('without JavaScript, evidence is chosen from the article’s sentences and the question saves', async ({
	browser
}) => {
	expect(author).toBeDefined();
	if (!author) return;
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signInTeacher(page, author);
	await openEditor(page, articleId, 'true-false');
	await expect(page.getByRole('button', { name: 'Use the selected text as evidence' })).toHaveCount(
		0
	);
	await fillCommon(page, {
		prompt: 'The article gives the cost of the repairs.',
		explanation: 'The budget report puts the repairs at $2.4 million.'
	});
	await page.getByRole('radio', { name: 'True' }).check();
	await page.getByText('Choose whole sentences').click();
	await page.getByRole('checkbox', { name: BUDGET }).check();
	await page.getByRole('button', { name: 'Check and save' }).click();
	await expect(page).toHaveURL(/\/questions\/q-[a-f0-9]{20}\?saved=1$/);
	await expect(page.getByRole('checkbox', { name: BUDGET })).toBeChecked();

	// Deleted: no student was asked it, so it goes for good, after a confirmation.
	await page.getByRole('link', { name: 'Delete this question…' }).click();
	await expect(page.getByText('it will be deleted for good')).toBeVisible();
	await page.getByRole('button', { name: 'Delete this question' }).click();
	await expect(page.getByRole('status')).toHaveText('Question deleted.');
	const questions = page.getByRole('list', { name: 'Questions on this article' });
	await expect(questions.getByRole('link')).toHaveCount(6);
	await expect(questions.getByText('The article gives the cost of the repairs.')).toHaveCount(0);

	// A student answered questions on the article: it leaves the teacher's list, not the results.
	await page.getByRole('link', { name: 'Delete this article…' }).click();
	await expect(page.getByText('Students have answered questions on this article')).toBeVisible();
	await page.getByRole('button', { name: 'Delete this article' }).click();
	await expect(page.getByRole('status')).toHaveText('Article deleted.');
	await expect(
		page.getByRole('link', { name: 'Council votes to close Riverside pool' })
	).toHaveCount(0);
	expect((await page.goto(`/articles/${articleId}`))?.status()).toBe(404);
	await context.close();

	expect(studentFeedback).toBeDefined();
	if (!studentFeedback) return;
	const studentContext = await browser.newContext({ storageState: studentFeedback.state });
	const student = await studentContext.newPage();
	await student.goto(studentFeedback.url);
	await expect(
		student.getByRole('heading', { name: studentFeedback.prompt, exact: true })
	).toBeVisible();
	await expect(student.getByRole('heading', { name: 'Why' })).toBeVisible();
	await student.getByRole('link', { name: 'See it in the article' }).first().click();
	await expect(student).toHaveURL(new RegExp(`/articles/${articleId}\\?quote=`));
	await expect(student.locator('mark#evidence')).toBeVisible();
	await studentContext.close();
});

import { joinAs as joinWithPage } from './assignment';
import {
	expect,
	type APIRequestContext,
	type APIResponse,
	type Browser,
	type BrowserContext,
	type Page
} from '@playwright/test';
import { answerCurrent } from './play';
import { newTeacher, signUpTeacher, type TeacherLogin } from './teacher';

/** A site that is not Byline, for cross-origin requests. */
export const EVIL_ORIGIN = 'http://evil.example';

export interface PostOptions {
	/** The Origin header; `null` sends none at all. */
	origin: string | null;
	accept?: string;
	headers?: Record<string, string>;
}

/** Posts form fields the way a browser without JavaScript would, without following redirects. */
export function postForm(
	request: APIRequestContext,
	path: string,
	fields: Record<string, string | string[]>,
	options: PostOptions
): Promise<APIResponse> {
	const body = new URLSearchParams();
	for (const [key, value] of Object.entries(fields))
		for (const one of [value].flat()) body.append(key, one);
	return request.post(path, {
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: options.accept ?? 'text/html',
			...(options.origin === null ? {} : { origin: options.origin }),
			...options.headers
		},
		data: body.toString(),
		maxRedirects: 0
	});
}

/** Sends a JSON body with any method, as a script on another site could with fetch(). */
export function sendJson(
	request: APIRequestContext,
	method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
	path: string,
	body: unknown,
	options: PostOptions
): Promise<APIResponse> {
	return request.fetch(path, {
		method,
		headers: {
			'content-type': 'application/json',
			accept: options.accept ?? 'application/json',
			...(options.origin === null ? {} : { origin: options.origin }),
			...options.headers
		},
		data: JSON.stringify(body),
		maxRedirects: 0
	});
}

export interface CreatedAssignment {
	classId: string;
	assignmentId: string;
	joinCode: string;
	/** The title, unique to this setup, so a page that leaks it is noticed. */
	title: string;
	/** The questions ticked, in the order of the list. */
	questionIds: string[];
}

export interface Classroom extends CreatedAssignment {
	teacher: TeacherLogin;
	context: BrowserContext;
	page: Page;
}

/**
 * Creates a class and an assignment through the pages, ticking the first `questions` questions
 * of the list by hand. The teacher is signed in on `page`.
 */
export async function createAssignmentByHand(
	page: Page,
	questions = 2
): Promise<CreatedAssignment> {
	const suffix = Math.random().toString(36).slice(2, 8);
	await page.goto('/teach');
	await page.getByLabel('Class name').fill(`Year 9 English ${suffix}`);
	await page.getByRole('button', { name: 'Create class' }).click();
	await expect(page).toHaveURL(/\/teach\/classes\/[\w-]{16}$/);
	const classId = new URL(page.url()).pathname.split('/').pop() ?? '';

	await page.getByRole('link', { name: 'New assignment' }).click();
	await expect(page.getByRole('heading', { name: 'New assignment' })).toBeVisible();
	const boxes = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('checkbox') })
		.getByRole('checkbox');
	const questionIds: string[] = [];
	for (let i = 0; i < questions; i++) {
		const box = boxes.nth(i);
		await box.check();
		questionIds.push((await box.getAttribute('value')) ?? '');
	}
	const title = `Sourcing check ${suffix}`;
	await page.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
	await page.getByRole('button', { name: 'Create assignment' }).click();
	await expect(page).toHaveURL(/\/teach\/assignments\/[\w-]{16}$/);
	const assignmentId = new URL(page.url()).pathname.split('/').pop() ?? '';
	const link = (await page.getByText(/\/join\/[A-Z0-9]{6}$/).textContent()) ?? '';
	const joinCode = link.split('/').pop() ?? '';
	expect(joinCode).toMatch(/^[A-Z0-9]{6}$/);
	await expect(
		page.getByText(`${joinCode.slice(0, 3)} ${joinCode.slice(3)}`, { exact: true })
	).toBeVisible();
	return { classId, assignmentId, joinCode, title, questionIds };
}

/** A new teacher in a browser of their own, with one class and one assignment. */
export async function setUpClassroom(
	browser: Browser,
	options: { questions?: number; contextOptions?: Parameters<Browser['newContext']>[0] } = {}
): Promise<Classroom> {
	const context = await browser.newContext(options.contextOptions);
	const page = await context.newPage();
	const teacher = await signUpTeacher(page, newTeacher());
	const created = await createAssignmentByHand(page, options.questions);
	return { teacher, context, page, ...created };
}

/** A student in a browser of their own joins with a typed name and lands on the first question. */
export async function joinAs(
	browser: Browser,
	joinCode: string,
	name: string,
	contextOptions?: Parameters<Browser['newContext']>[0]
): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext(contextOptions);
	const page = await context.newPage();
	await joinWithPage(page, joinCode, name);
	return { context, page };
}

/** Answers the question on screen (wrong, so there is a wrong answer to report) and waits. */
export async function answerOne(page: Page): Promise<void> {
	await answerCurrent(page, false);
	await page.waitForURL(/\/feedback\/1$/);
}

/** The student table on the teacher's dashboard. */
export function studentTable(page: Page) {
	return page.getByRole('table', { name: 'Students and their progress' });
}

/** The id of a student, read from their link on the dashboard. */
export async function studentIdOn(page: Page, assignmentId: string, name: string): Promise<string> {
	await page.goto(`/teach/assignments/${assignmentId}`);
	const href =
		(await studentTable(page).getByRole('link', { name, exact: true }).getAttribute('href')) ?? '';
	const prefix = `/teach/assignments/${assignmentId}/students/`;
	expect(href.startsWith(prefix), href).toBe(true);
	return href.slice(prefix.length);
}

/**
 * An RFC 4180 reader for the exports: quoted cells with doubled quotes, CRLF between records,
 * line breaks inside quotes, a leading byte-order mark dropped. Malformed input throws, so a
 * broken export is not silently read as something else.
 */
export function parseCsv(text: string): string[][] {
	const src = text.replace(/^\uFEFF/, '');
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let i = 0;
	const endCell = () => {
		row.push(cell);
		cell = '';
	};
	while (i < src.length) {
		if (src[i] === '"' && cell === '') {
			// A quoted cell runs to the next quote that is not doubled.
			i++;
			for (;;) {
				if (i >= src.length) throw new Error('CSV: a quoted cell is never closed');
				if (src[i] === '"' && src[i + 1] === '"') {
					cell += '"';
					i += 2;
				} else if (src[i] === '"') {
					i++;
					break;
				} else cell += src[i++];
			}
			if (i < src.length && src[i] !== ',' && src[i] !== '\r')
				throw new Error(`CSV: text after a closing quote at ${i}`);
			continue;
		}
		const c = src[i];
		if (c === ',') {
			endCell();
			i++;
		} else if (c === '\r' && src[i + 1] === '\n') {
			endCell();
			rows.push(row);
			row = [];
			i += 2;
		} else if (c === '"' || c === '\n' || c === '\r') {
			throw new Error(`CSV: ${JSON.stringify(c)} outside quotes at ${i}`);
		} else {
			cell += c;
			i++;
		}
	}
	if (cell !== '' || row.length > 0) throw new Error('CSV: the last record has no CRLF');
	return rows;
}

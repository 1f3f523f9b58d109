import { expect, type Page } from '@playwright/test';

/** Creates a class and an assignment through the teacher pages; returns ids and the join code. */
export async function createAssignment(
	page: Page,
	options: {
		className?: string;
		title?: string;
		filter?: string;
		count?: number;
		settings?: (page: Page) => Promise<void>;
	} = {}
): Promise<{ assignmentId: string; classId: string; joinCode: string }> {
	await page.goto('/teach', { waitUntil: 'networkidle' });
	await page.getByLabel('Class name').fill(options.className ?? 'Year 9 English');
	await page.getByRole('button', { name: 'Create class' }).click();
	await expect(page).toHaveURL(/\/teach\/classes\/[\w-]{16}$/);
	const classId = page.url().split('/').pop() ?? '';
	await page.getByRole('link', { name: 'New assignment' }).click();
	if (options.filter) await page.goto(`/teach/classes/${classId}/new?${options.filter}`);
	await page.getByRole('radio', { name: /^Any/ }).check();
	await page.getByLabel('How many questions to draw').fill(String(options.count ?? 3));
	await page.getByLabel('Title', { exact: true }).fill(options.title ?? 'Sourcing check');
	if (options.settings) await options.settings(page);
	await page.getByRole('button', { name: 'Create assignment' }).click();
	await expect(page).toHaveURL(/\/teach\/assignments\/[\w-]{16}$/);
	const assignmentId = page.url().split('/').pop() ?? '';
	const link = await page.getByText(/\/join\/[A-Z0-9]{6}$/).textContent();
	const joinCode = link?.split('/').pop() ?? '';
	expect(joinCode).toMatch(/^[A-Z0-9]{6}$/);
	return { assignmentId, classId, joinCode };
}

/** A student joins with a typed name and lands on the first question. */
export async function joinAs(page: Page, joinCode: string, name: string): Promise<void> {
	await page.goto(`/join/${joinCode}`, { waitUntil: 'networkidle' });
	await page.getByLabel('Your name').fill(name);
	await page.getByRole('button', { name: 'Join and start' }).click();
	await expect(page).toHaveURL(/\/play\/[\w-]{22}$/);
}

/** A minimal RFC 4180 reader for the exported CSV files. */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	const src = text.replace(/^\uFEFF/, '');
	for (let i = 0; i < src.length; i++) {
		const c = src[i];
		if (quoted) {
			if (c === '"' && src[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (c === '"') quoted = false;
			else cell += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			row.push(cell);
			cell = '';
		} else if (c === '\r' && src[i + 1] === '\n') {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
			i++;
		} else cell += c;
	}
	if (cell || row.length) rows.push([...row, cell]);
	return rows;
}

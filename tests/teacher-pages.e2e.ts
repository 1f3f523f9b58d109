import { expect, test } from '@playwright/test';
import { createAssignment, joinAs } from './support/assignment';
import { expectAccessible, screenshotAllSizes } from './support/look';
import { signUpTeacher } from './support/teacher';

test('every teacher and join page passes axe, and looks right at laptop and projector sizes', async ({
	page,
	browser
}) => {
	for (const path of ['/teach/signup', '/teach/signin', '/join']) {
		await page.goto(path);
		await expectAccessible(page, path);
		await screenshotAllSizes(page, `page${path.replace(/\//g, '-')}`);
	}
	await signUpTeacher(page);
	await expectAccessible(page, 'teacher home (no classes)');
	const { classId, assignmentId, joinCode } = await createAssignment(page, { count: 4 });

	await page.goto(`/teach/classes/${classId}`);
	await expectAccessible(page, 'class page');
	await screenshotAllSizes(page, 'teacher-class');
	await page.goto(`/teach/classes/${classId}/new?skill=evidence`);
	await page.getByText('Preview with the answer').first().click();
	await expectAccessible(page, 'new assignment');
	await screenshotAllSizes(page, 'teacher-new-assignment');
	await page.goto(`/teach/assignments/${assignmentId}`);
	await expectAccessible(page, 'empty dashboard');
	await page.goto(`/teach/assignments/${assignmentId}/projector`);
	await expectAccessible(page, 'projector');
	await screenshotAllSizes(page, 'teacher-projector');

	const student = await (await browser.newContext()).newPage();
	await student.goto(`/join/${joinCode}`);
	await expect(student.getByRole('heading', { name: 'Sourcing check' })).toBeVisible();
	await expectAccessible(student, 'join page');
	await screenshotAllSizes(student, 'student-join');
	await student.close();
});

test('the join form takes a typed code and explains a wrong one', async ({ page, browser }) => {
	const teacher = await (await browser.newContext()).newPage();
	await signUpTeacher(teacher);
	const { joinCode } = await createAssignment(teacher, { title: 'Code entry' });
	await page.goto('/join');
	await page.getByLabel('Join code').fill('zzz zzz');
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.getByRole('alert')).toHaveText(/No assignment has that code/);
	// Lower case and a space are fine.
	await page
		.getByLabel('Join code')
		.fill(`${joinCode.slice(0, 3).toLowerCase()} ${joinCode.slice(3).toLowerCase()}`);
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page).toHaveURL(`/join/${joinCode}`);
	await expect(page.getByRole('heading', { name: 'Code entry' })).toBeVisible();
	// An offensive name is refused with a clear message; two students with one name are told apart.
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Your name').fill('shit head');
	await page.getByRole('button', { name: 'Join and start' }).click();
	await expect(page.getByRole('alert')).toHaveText(/choose a different name/);
	await page.getByLabel('Your name').fill('Sam');
	await page.getByRole('button', { name: 'Join and start' }).click();
	await expect(page).toHaveURL(/\/play\//);
	const other = await (await browser.newContext()).newPage();
	await other.goto(`/join/${joinCode}`, { waitUntil: 'networkidle' });
	await other.getByLabel('Your name').fill('sam');
	await other.getByRole('button', { name: 'Join and start' }).click();
	await expect(other).toHaveURL(/\/play\//);
	await other.goto(`/join/${joinCode}`);
	await expect(other.getByText(/You joined as/)).toHaveText('You joined as sam 2.');
	await teacher.close();
	await other.close();
});

test('a signed-out visitor to /teach learns what Byline offers teachers before signing in', async ({
	page
}) => {
	await page.goto('/teach');
	await expect(page).toHaveURL(/\/teach\/signin/);
	const offer = page.getByRole('region', { name: 'Byline for teachers' });
	await expect(offer).toBeVisible();
	await expect(offer).toContainText('No student accounts');
	await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
});

test('the projector view fits a 1366 × 768 screen with no teacher navigation, and shows who joins, live', async ({
	page,
	browser
}) => {
	await signUpTeacher(page);
	const { assignmentId, joinCode } = await createAssignment(page, { count: 2 });
	await page.setViewportSize({ width: 1366, height: 768 });
	await page.goto(`/teach/assignments/${assignmentId}/projector`);
	await expect(page.getByRole('heading', { name: 'Waiting for the first student…' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Classes' })).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Sign out' })).toHaveCount(0);
	const qr = await page.getByRole('img', { name: /QR code for/ }).boundingBox();
	expect(qr && qr.y >= 0 && qr.y + qr.height <= 768).toBe(true);
	expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(768);
	await expectAccessible(page, 'projector, waiting');
	// Live through the server's stream, not by polling.
	await expect(page.locator('section.joined')).toHaveAttribute('data-stream', 'open');

	const student = await (await browser.newContext()).newPage();
	await joinAs(student, joinCode, 'Zainab');
	// No reload: the name arrives by itself.
	await expect(page.getByRole('heading', { name: '1 joined' })).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: 'Zainab' })).toBeVisible();
	await page.screenshot({ path: 'test-results/screenshots/teacher-projector-joined-laptop.png' });
	await student.close();
});

for (const javaScriptEnabled of [true, false]) {
	test(`the assignment builder keeps ticks, order and title across filters (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async ({
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled });
		const page = await context.newPage();
		try {
			await signUpTeacher(page);
			const list = page.getByRole('region', { name: /Your list/ });
			await page.goto('/teach', { waitUntil: 'networkidle' });
			await page.getByLabel('Class name').fill('Builder class');
			await page.getByRole('button', { name: 'Create class' }).click();
			await page.getByRole('link', { name: 'New assignment' }).click();
			await expect(page.getByRole('heading', { name: 'New assignment' })).toBeVisible();
			if (javaScriptEnabled) await page.waitForLoadState('networkidle');
			await page.getByLabel('Title', { exact: true }).fill('Kept title');

			const refilter = async (label: string, option: string) => {
				await page.getByLabel(label).selectOption({ label: option });
				if (!javaScriptEnabled) await page.getByRole('button', { name: 'Show questions' }).click();
			};
			const tick = async (n: number) => {
				const li = page
					.locator('ul.questions > li')
					.filter({ has: page.locator('input[type="checkbox"]') })
					.nth(n);
				const box = li.locator('input[type="checkbox"]');
				const prompt = (await li.locator('strong').first().textContent()) ?? '';
				await box.check();
				if (!javaScriptEnabled) await page.getByRole('button', { name: 'Show questions' }).click();
				return prompt;
			};

			await refilter('Skill', 'Sources');
			const first = await tick(0);
			const second = await tick(1);
			await refilter('Skill', 'Evidence');
			const third = await tick(0);
			await expect(list.getByRole('heading')).toHaveText(/3\s+questions selected/);
			await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Kept title');

			// Reorder and prune the list: the third goes to the top, the second goes.
			await list.getByRole('button', { name: `Move up: ${third}` }).click();
			await list.getByRole('button', { name: `Move up: ${third}` }).click();
			await list.getByRole('button', { name: `Remove: ${second}` }).click();
			await expect(list.getByRole('listitem')).toHaveText(
				[third, first].map((p) => new RegExp(escape(p)))
			);

			await page.getByRole('button', { name: 'Create assignment' }).click();
			await expect(page).toHaveURL(/\/teach\/assignments\/[\w-]{16}$/);
			await expect(page.getByRole('heading', { name: 'Kept title' })).toBeVisible();
			const rows = page.getByRole('region', { name: 'Questions' }).getByRole('row');
			await expect(rows).toHaveCount(3);
			await expect(rows.nth(1)).toContainText(third.slice(0, 40));
			await expect(rows.nth(2)).toContainText(first.slice(0, 40));
		} finally {
			await context.close();
		}
	});
}

function escape(text: string): string {
	return text.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('typing before the page has loaded its script loses nothing', async ({ browser }) => {
	for (const [path, fields] of [
		['/teach/signup', { 'Your name': 'Ms Okafor', Email: 'okafor@school.example' }],
		['/teach/signin', { Email: 'okafor@school.example' }],
		['/join', { 'Join code': 'ABC234' }]
	] as const) {
		// A fresh browser each time, its scripts held back until the fields are filled in, as on a
		// slow phone; then the page comes to life and must keep what was typed.
		const context = await browser.newContext();
		const page = await context.newPage();
		let release: () => void = () => {};
		const held = new Promise<void>((done) => (release = done));
		await page.route('**/_app/immutable/**', async (route) => {
			await held;
			await route.continue();
		});
		await page.goto(path, { waitUntil: 'commit' });
		for (const [label, value] of Object.entries(fields))
			await page.getByLabel(label, { exact: true }).fill(value);
		const scripts = page.waitForResponse((r) => r.url().includes('/_app/immutable/'));
		release();
		await scripts;
		await page.waitForLoadState('networkidle');
		for (const [label, value] of Object.entries(fields))
			await expect(page.getByLabel(label, { exact: true }), `${path}: ${label}`).toHaveValue(value);
		await context.close();
	}
});

test('a join link with a mistyped code leads to the join form with a plain message', async ({
	page,
	browser
}) => {
	await page.goto('/join/not-a-code');
	await expect(page).toHaveURL(/\/join\?link=not-a-code$/);
	await expect(page.getByRole('status')).toContainText('“not-a-code”, which is not a join code');
	await expect(page.getByLabel('Join code')).toBeVisible();
	await expectAccessible(page, 'join form after a mistyped link');

	// A right code typed in lower case or with a space still opens its assignment.
	const teacher = await (await browser.newContext()).newPage();
	await signUpTeacher(teacher);
	const { joinCode } = await createAssignment(teacher, { title: 'Typo check', count: 1 });
	const sloppy = `${joinCode.slice(0, 3).toLowerCase()} ${joinCode.slice(3).toLowerCase()}`;
	await page.goto(`/join/${encodeURIComponent(sloppy)}`);
	await expect(page).toHaveURL(new RegExp(`/join/${joinCode}$`));
	await expect(page.getByRole('heading', { name: 'Typo check' })).toBeVisible();
	await teacher.close();
});

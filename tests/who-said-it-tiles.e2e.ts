import { expect, test } from '@playwright/test';
import { createAssignment, joinAs } from './support/assignment';
import { signUpOwner } from './support/kiosk';
import { expectAccessible, screenshotAllSizes } from './support/look';
import { answerCurrent, currentQuestion } from './support/play';

test('who said it: a large tile per speaker, no dropdown, on a phone and on the kiosk', async ({
	browser
}) => {
	const teacherContext = await browser.newContext();
	const teacher = await teacherContext.newPage();
	await signUpOwner(teacher);
	const { joinCode } = await createAssignment(teacher, {
		title: 'Who said it',
		filter: 'type=who-said-it',
		count: 1
	});

	const studentContext = await browser.newContext({ viewport: { width: 360, height: 740 } });
	const student = await studentContext.newPage();
	await joinAs(student, joinCode, 'Ama');
	const q = await currentQuestion(student);
	expect(q.type).toBe('who-said-it');
	await expect(student.getByRole('combobox')).toHaveCount(0);
	// Every speaker tile is at least 48 px high: a thumb's target.
	const tile = student.locator('label:has(input[type=radio])').first();
	expect((await tile.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
	const widest = await student.evaluate(() => document.documentElement.scrollWidth);
	expect(widest).toBeLessThanOrEqual(360);
	await expectAccessible(student, 'who said it with tiles');
	await screenshotAllSizes(student, 'who-said-it-tiles');
	await answerCurrent(student, true);
	await student.waitForURL(/\/feedback\/1$/);
	await expect(student.getByText('Right!')).toBeVisible();

	// The kiosk, portrait: the same tiles, within thumb reach.
	await teacher.goto('/teach/kiosks/new');
	await teacher.getByLabel('Title').fill('Who said it');
	await teacher.getByRole('radio', { name: 'Any difficulty' }).check();
	await teacher.getByRole('checkbox', { name: 'Choose one' }).uncheck();
	await teacher.getByRole('checkbox', { name: 'True or false' }).uncheck();
	await teacher.getByRole('checkbox', { name: 'Who said it?' }).check();
	await teacher.getByRole('button', { name: 'Create kiosk' }).click();
	const address = await teacher.getByLabel('Kiosk address').inputValue();
	const screenContext = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
	const screen = await screenContext.newPage();
	await screen.goto(address);
	await screen.getByRole('button', { name: 'Touch to play' }).click();
	await screen.waitForURL(/\/play\/[\w-]+$/);
	await expect(screen.getByRole('combobox')).toHaveCount(0);
	await expect(screen.locator('input[type=radio]').first()).toBeAttached();
	await expectAccessible(screen, 'kiosk who said it');
	await screen.screenshot({ path: 'test-results/screenshots/who-said-it-kiosk-portrait.png' });
	await screenContext.close();

	await Promise.all([teacherContext.close(), studentContext.close()]);
});

import { expect, test } from '@playwright/test';
import { question } from './support/bank';
import { createKiosk, signUpOwner } from './support/kiosk';
import { expectAccessible, screenshotAllSizes } from './support/look';

test('a new kiosk draws easy, short questions, and the owner can widen or must keep some', async ({
	page,
	browser
}) => {
	await signUpOwner(page);
	await page.goto('/teach/kiosks/new');
	// Passers-by first: easy true-or-false and choose-one questions unless the owner widens it.
	await expect(page.getByRole('radio', { name: 'Easy only' })).toBeChecked();
	await expect(page.locator('input[name=questionTypes]:checked')).toHaveCount(2);
	await expect(page.getByText(/Still playing.*counts down 10 more seconds/)).toBeVisible();
	await expectAccessible(page, 'new kiosk form');
	await screenshotAllSizes(page, 'kiosk-new-form');

	// No kind of question ticked: refused with a message, nothing created.
	await page.getByLabel('Title').fill('Nothing to ask');
	const ticked = page.locator('input[name=questionTypes]:checked');
	while ((await ticked.count()) > 0) await ticked.first().uncheck();
	await page.getByRole('button', { name: 'Create kiosk' }).click();
	await expect(page.getByText('Tick at least one kind of question.')).toBeVisible();

	const kiosk = await createKiosk(page, { title: 'Lobby', roundSize: 3 });
	const screenContext = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
	const screen = await screenContext.newPage();
	await screen.goto(kiosk.address);
	await screen.getByRole('button', { name: 'Touch to play' }).click();
	await screen.waitForURL(/\/play\/[\w-]+$/);
	const id = await screen.locator('input[name="question"]').getAttribute('value');
	const asked = question(id ?? '');
	expect(asked.difficulty).toBe(1);
	expect(['true-false', 'single-choice']).toContain(asked.type);
	await screenContext.close();
});

import { expect, test } from '@playwright/test';
import { expectAccessible, screenshotAllSizes } from './support/look';
import { createKiosk, kioskPath, signUpOwner } from './support/kiosk';

test('the owner’s kiosk list shows whether each screen has checked in', async ({ browser }) => {
	const ownerContext = await browser.newContext();
	const owner = await ownerContext.newPage();
	await signUpOwner(owner);
	const kiosk = await createKiosk(owner, { title: 'Museum hall' });

	await owner.goto('/teach/kiosks');
	const row = owner.getByRole('listitem').filter({ hasText: 'Museum hall' });
	await expect(row.getByText('Never started', { exact: true })).toBeVisible();

	// The screen opens its address; its heartbeat reaches the server within a few seconds.
	const screenContext = await browser.newContext();
	const screen = await screenContext.newPage();
	const beat = screen.waitForResponse((r) => r.url().endsWith('/status') && r.ok());
	await screen.goto(kioskPath(kiosk.address));
	await beat;

	await owner.reload();
	await expect(row.getByText('Running', { exact: true })).toBeVisible();
	await expectAccessible(owner, 'kiosk list');
	await screenshotAllSizes(owner, 'kiosk-list-heartbeat');

	await Promise.all([ownerContext.close(), screenContext.close()]);
});

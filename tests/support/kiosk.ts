import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { answerCurrent } from './play';
import { signUpTeacher } from './teacher';

/** The two 1080p orientations a kiosk screen stands in. */
export const ORIENTATIONS = {
	portrait: { width: 1080, height: 1920 },
	landscape: { width: 1920, height: 1080 }
} as const;
export type Orientation = keyof typeof ORIENTATIONS;

export interface KioskSetup {
	title?: string;
	/** Catalogue quiz ids; the form ticks "Mixed quiz" by default. */
	quizzes?: string[];
	roundSize?: number;
	idleSeconds?: number;
	leaderboard?: boolean;
}

export interface CreatedKiosk {
	/** The kiosk's full address, as the teacher sees it once. */
	address: string;
	/** The teacher's page for this kiosk. */
	manage: string;
}

/** Creates a kiosk through the teacher's form (the teacher is signed in on `page`). */
export async function createKiosk(page: Page, setup: KioskSetup = {}): Promise<CreatedKiosk> {
	await page.goto('/teach/kiosks/new');
	await page.getByLabel('Title').fill(setup.title ?? 'Library lobby');
	if (setup.quizzes) {
		const ticked = page.locator('input[name=quizzes]:checked');
		while ((await ticked.count()) > 0) await ticked.first().uncheck();
		for (const id of setup.quizzes)
			await page.locator(`input[name=quizzes][value="${id}"]`).check();
	}
	if (setup.roundSize) await page.getByLabel('Questions per round').fill(String(setup.roundSize));
	if (setup.idleSeconds)
		await page.getByLabel('Idle timeout (seconds)').fill(String(setup.idleSeconds));
	if (setup.leaderboard === false) await page.getByLabel(/Keep a leaderboard/).uncheck();
	await page.getByRole('button', { name: 'Create kiosk' }).click();
	await expect(page).toHaveURL(/\/teach\/kiosks\/[A-Za-z0-9_-]{16}$/);
	const address = await page.getByLabel('Kiosk address').inputValue();
	expect(address).toMatch(/\/kiosk\/[A-Za-z0-9_-]{22}$/);
	return { address, manage: page.url() };
}

/** The kiosk's address path, for comparing with the page's URL. */
export function kioskPath(address: string): string {
	return new URL(address).pathname;
}

/** Answers the question on screen, then moves on from its feedback; false once the round is over. */
export async function answerAndGoOn(page: Page, right: boolean): Promise<void> {
	await answerCurrent(page, right);
	await page.waitForURL(/\/feedback\/\d+$/);
	await page.getByRole('link', { name: /Next question|See your score/ }).tap();
}

/** Plays the round on screen to the end screen. */
export async function playRound(page: Page, rightAt: (i: number) => boolean): Promise<number> {
	let answered = 0;
	for (;;) {
		await page.waitForURL(/\/play\/[A-Za-z0-9_-]+(\/end)?$/);
		if (page.url().endsWith('/end')) return answered;
		await answerAndGoOn(page, rightAt(answered));
		answered++;
	}
}

/** Types initials on the on-screen keyboard, by touch. */
export async function tapInitials(page: Page, initials: string): Promise<void> {
	const keyboard = page.getByRole('group', { name: 'On-screen keyboard' });
	for (let i = 0; i < 3; i++) {
		const del = keyboard.getByRole('button', { name: 'Delete' });
		if (await del.isEnabled()) await del.tap();
	}
	for (const letter of initials)
		await keyboard.getByRole('button', { name: letter, exact: true }).tap();
	await expect(page.getByRole('textbox', { name: 'Your initials' })).toHaveValue(initials);
}

/** Every link on the page, resolved, must stay inside this kiosk's own pages. */
export async function expectNoWayOut(page: Page, address: string): Promise<number> {
	const home = kioskPath(address);
	const hrefs = await page
		.locator('a[href], area[href], form[action]')
		.evaluateAll((els) =>
			els.map((el) => (el instanceof HTMLFormElement ? el.action : (el as HTMLAnchorElement).href))
		);
	const outside = hrefs.filter((href) => {
		const url = new URL(href);
		return (
			url.origin !== new URL(address).origin ||
			!(url.pathname === home || url.pathname.startsWith(home + '/'))
		);
	});
	expect(outside, `links out of the kiosk on ${page.url()}`).toEqual([]);
	return hrefs.length;
}

const shots = resolve(import.meta.dirname, '../../test-results/screenshots');

/** What the screen shows, as a person standing in front of it sees it. */
export async function screenshotKiosk(page: Page, name: string, orientation: Orientation) {
	mkdirSync(shots, { recursive: true });
	await page.screenshot({ path: `${shots}/kiosk-${name}-${orientation}.png` });
}

/**
 * A signed-in kiosk owner. Retries the sign-up once: a form typed into before the page has
 * hydrated can lose a field (reported to the sign-up page's owner).
 */
export async function signUpOwner(page: Page): Promise<void> {
	try {
		await signUpTeacher(page);
	} catch {
		await signUpTeacher(page);
	}
}

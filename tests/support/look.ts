import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

export const SIZES = {
	phone: { width: 360, height: 780 },
	laptop: { width: 1366, height: 768 },
	kiosk: { width: 1920, height: 1080 }
} as const;

const shots = resolve(import.meta.dirname, '../../test-results/screenshots');

/** No WCAG 2.2 A/AA violation that axe-core can find on the page as it is now. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
		.analyze();
	const found = results.violations.map(
		(v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
	);
	expect(found, `axe on ${label}`).toEqual([]);
}

/** Full-page screenshots at phone, laptop and 1080p sizes, saved for people to look at. */
export async function screenshotAllSizes(page: Page, name: string): Promise<void> {
	// CI keeps no files for anyone to open, and drawing them takes a good part of its time limit.
	if (process.env.CI === 'true') return;
	mkdirSync(shots, { recursive: true });
	const original = page.viewportSize();
	for (const [size, viewport] of Object.entries(SIZES)) {
		await page.setViewportSize(viewport);
		await page.screenshot({ path: `${shots}/${name}-${size}.png`, fullPage: true });
	}
	if (original) await page.setViewportSize(original);
}

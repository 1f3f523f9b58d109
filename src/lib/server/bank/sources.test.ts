import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBank } from './load.ts';
import { normalizeText } from '../../bank/text.ts';

const root = resolve(import.meta.dirname, '../../../..');
const bankDir = join(root, 'questions');
// The captured pages sit beside the project when it is checked out with its shared material.
const sharedDir = resolve(root, process.env.BYLINE_SOURCES_DIR ?? '../shared/articles');
const haveSources = existsSync(sharedDir);

describe('the project copies of the articles', () => {
	const result = loadBank(bankDir, { coverage: null, cwd: root });
	const articles = result.ok ? result.bank.articles : [];

	it('load without problems', () => {
		expect(result.ok ? [] : result.problems).toEqual([]);
		expect(articles.map((a) => a.id).sort()).toEqual([
			'mother-jones',
			'slate',
			'unsigned-analysis'
		]);
	});

	it.skipIf(!haveSources)(`still hold their captured source's text (${sharedDir})`, () => {
		for (const article of articles) {
			const copy = readFileSync(join(bankDir, 'articles', `${article.id}.txt`), 'utf8');
			const source = readFileSync(join(sharedDir, article.source), 'utf8');
			expect(normalizeText(copy), `${article.id}.txt differs from ${article.source}`).toBe(
				normalizeText(source)
			);
		}
	});

	it.runIf(!haveSources)(
		'are compared with their sources only where the captured pages are present',
		() => {
			console.warn(
				`SKIPPED: ${sharedDir} is not present, so the copies were not compared with their sources.`
			);
			expect(haveSources).toBe(false);
		}
	);
});

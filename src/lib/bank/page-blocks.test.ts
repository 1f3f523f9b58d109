import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBank } from '$lib/server/bank/load';
import { locateQuote, pageBlocks } from './page-blocks';

describe('locateQuote', () => {
	it('finds the exact span of a quote typed with straight quotes and plain spaces', () => {
		const line = 'He said “It’s  the right\u00a0call,” twice.';
		const span = locateQuote(line, '"It\'s the right call,"');
		expect(span && line.slice(span.start, span.end)).toBe('“It’s  the right\u00a0call,”');
	});

	it('returns null when the quote is not in the line', () => {
		expect(locateQuote('The council voted 7–2.', 'voted 7-2')).toBeNull();
	});
});

describe('pageBlocks', () => {
	const result = loadBank(resolve(import.meta.dirname, '../../../questions'));
	if (!result.ok) throw new Error('the bank must load');
	const slate = result.bank.articles.find((a) => a.id === 'slate');
	if (!slate) throw new Error('the Slate page must be in the bank');

	it('sets apart every line that repeats the headline the reader already shows', () => {
		const lines = pageBlocks(slate).flatMap((b) => b.lines);
		const headline = lines.filter((l) => l.before.startsWith('Exactly How Stupid of an Idea'));
		expect(headline.length).toBeGreaterThanOrEqual(3);
		expect(headline.every((l) => l.repeat)).toBe(true);
		expect(lines.filter((l) => !l.repeat).length).toBeGreaterThan(10);
	});

	it('never folds the line that holds the highlighted quote', () => {
		const lines = pageBlocks(slate, 'Exactly How Stupid of an Idea').flatMap((b) => b.lines);
		const marked = lines.filter((l) => l.mark);
		expect(marked).toHaveLength(1);
		expect(marked[0].repeat).toBe(false);
	});
});

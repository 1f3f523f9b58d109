import { describe, expect, it } from 'vitest';
import { locateQuote } from './page-blocks';

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

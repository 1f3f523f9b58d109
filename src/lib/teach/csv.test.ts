import { describe, expect, it } from 'vitest';
import { neutralizeCell, toCsv } from './csv';

describe('neutralizeCell', () => {
	it.each([
		['=HYPERLINK("http://x","click")', `'=HYPERLINK("http://x","click")`],
		['=1+1', `'=1+1`],
		['+1', `'+1`],
		['-2+3', `'-2+3`],
		['@SUM(A1:A2)', `'@SUM(A1:A2)`],
		['\t=1', `'\t=1`],
		['\r=1', `'\r=1`]
	])('puts an apostrophe before the formula starter in %j', (input, output) => {
		expect(neutralizeCell(input)).toBe(output);
	});

	it('leaves ordinary text and numbers alone', () => {
		expect(neutralizeCell('Ama')).toBe('Ama');
		expect(neutralizeCell('a=b')).toBe('a=b');
		expect(neutralizeCell("'already quoted")).toBe("'already quoted");
		expect(neutralizeCell(42)).toBe('42');
		expect(neutralizeCell(0)).toBe('0');
		expect(neutralizeCell(0.5)).toBe('0.5');
		expect(neutralizeCell('2026-03-02T09:00:00.000Z')).toBe('2026-03-02T09:00:00.000Z');
	});

	it('turns null and undefined into empty cells', () => {
		expect(neutralizeCell(null)).toBe('');
		expect(neutralizeCell(undefined)).toBe('');
	});

	it('also neutralises a negative number, which a spreadsheet would otherwise evaluate', () => {
		expect(neutralizeCell(-3)).toBe("'-3");
	});
});

describe('toCsv', () => {
	it('joins cells with commas and ends every line, the last too, with CRLF', () => {
		expect(
			toCsv([
				['Student', 'Score'],
				['Ama', 300]
			])
		).toBe('Student,Score\r\nAma,300\r\n');
	});

	it('quotes cells with commas, quotes or line breaks, doubling the quotes', () => {
		expect(toCsv([['a,b', 'say "hi"', 'two\nlines', 'cr\rhere', 'plain']])).toBe(
			'"a,b","say ""hi""","two\nlines","cr\rhere",plain\r\n'
		);
	});

	it('neutralises before quoting, so the apostrophe sits inside the quotes', () => {
		expect(toCsv([['=HYPERLINK("http://x","click")']])).toBe(
			`"'=HYPERLINK(""http://x"",""click"")"\r\n`
		);
		expect(toCsv([['\r=cmd']])).toBe(`"'\r=cmd"\r\n`);
	});

	it('writes empty cells for null and undefined and keeps the column count', () => {
		expect(toCsv([['Ben', null, undefined, 0]])).toBe('Ben,,,0\r\n');
	});

	it('neutralises every cell, headers and later columns included', () => {
		const csv = toCsv([
			['=h1', 'ok'],
			['ok', '@x', '+y', '-z']
		]);
		expect(csv).toBe(`'=h1,ok\r\nok,'@x,'+y,'-z\r\n`);
	});
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphemes, visibleLines, visibleText } from './plain-text';
import { neutralizeCell } from './teach/csv';
import { isJoinCode, makeJoinCode, normalizeJoinCode } from './teach/join-code';
import { cleanName } from './teach/names';

const INVISIBLE = /[\p{Cc}\p{Cf}]|\p{Cs}/u;
/** The joiners and tag letters that emoji are made of, the only invisible characters kept. */
const EMOJI_PARTS =
	/(?<=\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F)\u200D(?=\p{Extended_Pictographic})|\u{1F3F4}[\u{E0061}-\u{E007A}]{2,6}\u{E007F}/gu;
const withoutEmoji = (text: string) => text.replace(EMOJI_PARTS, '');
/** Any text, with a good share of the characters that hide or reorder what is shown. */
const hostileText = fc.string({
	unit: fc.oneof(
		fc.constantFrom('\u0000', '\u0001', '\u200b', '\u200d', '\u202e', '\u202c', '\u2066', '\ufeff'),
		fc.constantFrom('\t', '\n', '\r', ' ', '\u00a0', '\u0085'),
		fc.constantFrom('=', '+', '-', '@'),
		fc.string({ unit: 'grapheme', maxLength: 1 }),
		fc.string({ unit: 'binary', maxLength: 1 })
	),
	maxLength: 80
});

describe('visibleText', () => {
	it('leaves no control or format character, no lone surrogate and no doubled space', () => {
		fc.assert(
			fc.property(hostileText, (text) => {
				const shown = visibleText(text);
				expect(withoutEmoji(shown)).not.toMatch(INVISIBLE);
				expect(shown).not.toMatch(/\s\s|^\s|\s$/);
				expect(shown.isWellFormed()).toBe(true);
				expect(visibleText(shown)).toBe(shown);
			})
		);
	});

	it('shows a name with bidirectional overrides the right way round', () => {
		expect(visibleText('\u202eevil\u202c Bob')).toBe('evil Bob');
		expect(visibleText('A\u0000m\u0001a\u200b \u2066Owusu\u2069')).toBe('Ama Owusu');
	});
});

describe('visibleLines', () => {
	it('keeps line breaks and nothing else invisible', () => {
		fc.assert(
			fc.property(hostileText, (text) => {
				const shown = visibleLines(text);
				expect(withoutEmoji(shown).replace(/\n/g, '')).not.toMatch(INVISIBLE);
				expect(visibleLines(shown)).toBe(shown);
			})
		);
		expect(visibleLines('Read\u200b page 2.\r\n\r\nThen \u202eanswer.')).toBe(
			'Read page 2.\n\nThen answer.'
		);
	});
});

describe('cleanName', () => {
	it('is at most 40 visible characters, well formed, and stable', () => {
		fc.assert(
			fc.property(hostileText, (text) => {
				const name = cleanName(text);
				expect(graphemes(name).length).toBeLessThanOrEqual(40);
				expect(withoutEmoji(name)).not.toMatch(INVISIBLE);
				expect(name.isWellFormed()).toBe(true);
				expect(cleanName(name)).toBe(name);
			})
		);
	});
});

describe('neutralizeCell', () => {
	it('guards a formula however many invisible characters come before it', () => {
		fc.assert(
			fc.property(
				fc.string({ unit: fc.constantFrom('\u200b', '\ufeff', '\u202e', ' ', '\u0001') }),
				fc.constantFrom('=', '+', '-', '@'),
				fc.string(),
				(lead, start, rest) => {
					expect(neutralizeCell(lead + start + rest).startsWith("'")).toBe(true);
				}
			)
		);
		expect(neutralizeCell('\u200b=1+1')).toBe("'\u200b=1+1");
		// A stored name has no invisible characters left to hide behind.
		expect(neutralizeCell(cleanName('\u200b=1+1'))).toBe("'=1+1");
	});

	it('leaves ordinary text alone', () => {
		fc.assert(
			fc.property(
				fc.string().filter((s) => !/^[\p{Cc}\p{Cf}\s]*[=+\-@\t\r]/u.test(s)),
				(text) => {
					expect(neutralizeCell(text)).toBe(text);
				}
			)
		);
	});
});

describe('join codes', () => {
	it('every code made is a code, and reads back however it is typed', () => {
		fc.assert(
			fc.property(fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), (picks) => {
				let i = 0;
				const code = makeJoinCode((n) => (picks[i++] ?? 0) % n);
				expect(isJoinCode(code)).toBe(true);
				const typed = ` ${code.slice(0, 3).toLowerCase()} ${code.slice(3)} `;
				expect(normalizeJoinCode(typed)).toBe(code);
			})
		);
	});

	it('no typed text that is not six code characters passes as a code', () => {
		fc.assert(
			fc.property(hostileText, (text) => {
				const code = normalizeJoinCode(text);
				expect(!isJoinCode(code) || /^[ACDEFHJKMNPQRTUVWXY3479]{6}$/.test(code)).toBe(true);
			})
		);
	});
});

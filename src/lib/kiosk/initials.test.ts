import { describe, expect, it } from 'vitest';
import { parseInitials } from './initials';

describe('parseInitials', () => {
	it('accepts three letters and upper-cases them', () => {
		expect(parseInitials('abc')).toEqual({ ok: true, initials: 'ABC' });
		expect(parseInitials(' JMR ')).toEqual({ ok: true, initials: 'JMR' });
	});

	it.each(['', 'AB', 'ABCD', 'A1C', 'ÄBC', 'A C', null, undefined])(
		'refuses %j: not three letters',
		(input) => {
			const result = parseInitials(input);
			expect(result).toEqual({ ok: false, message: expect.stringMatching(/three letters/) });
		}
	);

	it.each(['ASS', 'kkk', 'FUK', 'SEX', 'WTF', 'FAG', 'CUM', 'TIT'])(
		'keeps %s off the board',
		(input) => {
			expect(parseInitials(input)).toEqual({
				ok: false,
				message: expect.stringMatching(/can’t go on the board/)
			});
		}
	);
});

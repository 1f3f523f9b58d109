import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	JOIN_CODE_ALPHABET,
	JOIN_CODE_LENGTH,
	displayJoinCode,
	isJoinCode,
	makeJoinCode,
	normalizeJoinCode
} from './join-code';

describe('join codes', () => {
	it('are 6 characters long', () => {
		expect(JOIN_CODE_LENGTH).toBe(6);
		expect(makeJoinCode(() => 0)).toBe('AAAAAA');
		for (let i = 0; i < 200; i++) expect(makeJoinCode(randomInt)).toHaveLength(6);
	});

	it.each([...'0O1IL2Z5S8BG'])('leave out the look-alike %j', (c) => {
		expect(JOIN_CODE_ALPHABET).not.toContain(c);
	});

	// BUG (join-code.ts:2): the comment above the alphabet promises "no G/6", and G is gone, but 6
	// is still in it. (Removing it later must not lock out existing codes that contain a 6.)
	it('leave out the look-alike "6"', () => {
		expect(JOIN_CODE_ALPHABET).not.toContain('6');
	});

	it('use upper-case letters and digits, each once', () => {
		expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length);
		expect(JOIN_CODE_ALPHABET).toMatch(/^[A-Z0-9]+$/);
	});

	it('draw every character from the alphabet, each once per position', () => {
		const asked: number[] = [];
		const code = makeJoinCode((n) => {
			asked.push(n);
			return asked.length - 1;
		});
		expect(asked).toEqual(Array(6).fill(JOIN_CODE_ALPHABET.length));
		expect(code).toBe(JOIN_CODE_ALPHABET.slice(0, 6));
		const last = makeJoinCode((n) => n - 1);
		expect(last).toBe(JOIN_CODE_ALPHABET.at(-1)?.repeat(6));
	});

	it('made from real randomness are always valid codes', () => {
		for (let i = 0; i < 500; i++) expect(isJoinCode(makeJoinCode(randomInt))).toBe(true);
	});
});

describe('normalizeJoinCode', () => {
	it('upper-cases and drops spaces and dashes', () => {
		expect(normalizeJoinCode('acd efh')).toBe('ACDEFH');
		expect(normalizeJoinCode('acd-efh')).toBe('ACDEFH');
		expect(normalizeJoinCode('  Ac-D\tE f\nH ')).toBe('ACDEFH');
		expect(normalizeJoinCode('ACDEFH')).toBe('ACDEFH');
	});

	it('leaves other characters for isJoinCode to refuse, and caps the length', () => {
		expect(normalizeJoinCode('acd.efh')).toBe('ACD.EFH');
		expect(normalizeJoinCode('x'.repeat(100))).toHaveLength(20);
	});
});

describe('isJoinCode', () => {
	it('accepts six alphabet characters', () => {
		expect(isJoinCode('ACDEFH')).toBe(true);
		expect(isJoinCode('347973')).toBe(true);
	});

	it.each([
		'',
		'ACDEF',
		'ACDEFHJ',
		'acdefh',
		'ACD EFH',
		'ACD-EF',
		'ACDEF0',
		'ACDEFO',
		'ACDEFI',
		'ACDEFS'
	])('refuses %j', (code) => {
		expect(isJoinCode(code)).toBe(false);
	});

	it('accepts what a student typed once it is normalised', () => {
		expect(isJoinCode(normalizeJoinCode('acd-efh'))).toBe(true);
	});
});

describe('displayJoinCode', () => {
	it('splits the code in two groups of three', () => {
		expect(displayJoinCode('ACDEFH')).toBe('ACD EFH');
		expect(normalizeJoinCode(displayJoinCode('ACDEFH'))).toBe('ACDEFH');
	});
});

import { describe, expect, it } from 'vitest';
import { applyMove, pickedQuestions, readMove } from './picked-questions';

describe('pickedQuestions', () => {
	it('keeps the posted order, each id once, and drops ids the bank does not know', () => {
		expect(pickedQuestions(['b', 'a', 'b', 'x', 'c'], (id) => id !== 'x')).toEqual(['b', 'a', 'c']);
	});
});

describe('readMove and applyMove', () => {
	const list = ['a', 'b', 'c'];

	it('moves a question up or down, and not past either end', () => {
		expect(applyMove(list, readMove('up:b')!)).toEqual(['b', 'a', 'c']);
		expect(applyMove(list, readMove('down:b')!)).toEqual(['a', 'c', 'b']);
		expect(applyMove(list, readMove('up:a')!)).toEqual(list);
		expect(applyMove(list, readMove('down:c')!)).toEqual(list);
	});

	it('removes a question, and ignores one not in the list', () => {
		expect(applyMove(list, readMove('remove:b')!)).toEqual(['a', 'c']);
		expect(applyMove(list, readMove('remove:z')!)).toEqual(list);
	});

	it('reads nothing from a value it does not understand', () => {
		for (const value of [null, '', 'left:a', 'up:', 'up'])
			expect(readMove(value), String(value)).toBeNull();
	});
});

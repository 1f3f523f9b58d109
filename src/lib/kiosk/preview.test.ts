import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBank } from '$lib/server/bank/load';
import { suitsAttractScreen } from './preview';

describe('suitsAttractScreen', () => {
	const result = loadBank(resolve(import.meta.dirname, '../../../questions'));
	if (!result.ok) throw new Error('the bank must load');
	const shown = result.bank.questions.filter(suitsAttractScreen);

	it('shows only questions, never a statement that could be false', () => {
		expect(shown.length).toBeGreaterThanOrEqual(6);
		for (const q of shown) {
			expect(q.type).not.toBe('true-false');
			expect(q.prompt.trim().endsWith('?'), q.id).toBe(true);
		}
	});

	it('leaves out every true-or-false statement and every long prompt', () => {
		for (const q of result.bank.questions.filter((q) => q.type === 'true-false'))
			expect(suitsAttractScreen(q), q.id).toBe(false);
		expect(shown.every((q) => q.prompt.length <= 150)).toBe(true);
	});
});

import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { choicesOf } from '$lib/bank/export';
import { loadBank } from '$lib/server/bank/load';
import { QUESTION_TYPES } from '$lib/bank/vocabulary';
import type { Question } from '$lib/bank/schema';
import { toPublicQuestion } from './public-question';

const result = loadBank(resolve(import.meta.dirname, '../../../questions'));
if (!result.ok) throw new Error('the project bank must load');
const questions = result.bank.questions;
const seeds = ['seed-a', 'seed-b', 'seed-c'];

/** Placeable things of a question, by the index the form's item keys refer to. */
function placeables(q: Question): string[] {
	if (q.type === 'who-said-it') return q.pairs.map((p) => p.quote);
	if (q.type === 'fact-or-opinion') return q.statements.map((s) => s.text);
	return [];
}

function keysDeep(value: unknown): string[] {
	if (Array.isArray(value)) return value.flatMap(keysDeep);
	if (value !== null && typeof value === 'object')
		return Object.entries(value).flatMap(([key, inner]) => [key, ...keysDeep(inner)]);
	return [];
}

const sorted = (values: readonly string[]) => [...values].sort();
const REVEALING = ['answer', 'answers', 'pairs', 'statements', 'explanation', 'evidence', 'stance'];

describe('toPublicQuestion on the whole bank', () => {
	it('covers every question type', () => {
		expect(new Set(questions.map((q) => q.type))).toEqual(new Set(QUESTION_TYPES));
	});

	it.each(questions)('hides the answer of $id', (q) => {
		for (const seed of seeds) {
			const shown = toPublicQuestion(q, seed);
			expect(JSON.stringify(shown)).not.toContain(q.explanation);
			expect(keysDeep(shown).filter((key) => REVEALING.includes(key))).toEqual([]);
			for (const item of shown.items) expect(Object.keys(item).sort()).toEqual(['key', 'text']);
		}
	});

	it.each(questions)('offers the options of $id in one order per seed', (q) => {
		const shown = toPublicQuestion(q, 'seed-a');
		expect(toPublicQuestion(q, 'seed-a')).toEqual(shown);
		expect(sorted(shown.options)).toEqual(sorted(choicesOf(q).options));
		expect(sorted(shown.items.map((i) => i.text))).toEqual(sorted(placeables(q)));
	});

	it('keys each quote or statement by its place in the bank, which grading relies on', () => {
		for (const q of questions) {
			const all = placeables(q);
			for (const item of toPublicQuestion(q, 'seed-a').items)
				expect(all[Number(item.key)]).toBe(item.text);
		}
	});

	it('shows True before False, whatever the seed', () => {
		for (const q of questions.filter((q) => q.type === 'true-false'))
			for (const seed of seeds)
				expect(toPublicQuestion(q, seed).options).toEqual(['True', 'False']);
	});

	it('shuffles choices so that their order in the bank says nothing', () => {
		const many = Array.from({ length: 8 }, (_, i) => `seed-${i}`);
		const shuffledTypes = questions.filter(
			(q) => (q.type === 'single-choice' || q.type === 'select-all') && q.options.length >= 3
		);
		for (const q of shuffledTypes) {
			const orders = new Set(many.map((seed) => toPublicQuestion(q, seed).options.join('|')));
			expect(orders.size, q.id).toBeGreaterThan(1);
		}
	});
});

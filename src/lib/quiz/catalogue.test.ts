import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBank } from '$lib/server/bank/load';
import { QUESTION_TYPES } from '$lib/bank/vocabulary';
import { buildCatalogue, drawQuestions } from './catalogue';

const result = loadBank(resolve(import.meta.dirname, '../../../questions'));
if (!result.ok) throw new Error('the project bank must load');
const bank = result.bank;
const byId = new Map(bank.questions.map((q) => [q.id, q]));
const quizzes = buildCatalogue(bank);

describe('the quiz catalogue', () => {
	it('offers one quiz per article, one per skill, a mixed quiz of 10 and a comparison quiz', () => {
		const ids = quizzes.map((q) => q.id);
		expect(ids).toContain('mixed');
		expect(ids).toContain('compare');
		for (const a of bank.articles) expect(ids).toContain(`article-${a.id}`);
		expect(ids.filter((id) => id.startsWith('skill-'))).toHaveLength(8);
		expect(quizzes.find((q) => q.id === 'mixed')?.size).toBe(10);
	});

	it('keeps each quiz to its own questions and a class-period length', () => {
		for (const quiz of quizzes) {
			expect(quiz.size).toBeLessThanOrEqual(12);
			expect(quiz.minutes).toBeGreaterThan(0);
		}
		const slate = quizzes.find((q) => q.id === 'article-slate');
		expect(slate?.questionIds.every((id) => byId.get(id)?.articles.join() === 'slate')).toBe(true);
		const compare = quizzes.find((q) => q.id === 'compare');
		expect(compare?.questionIds.every((id) => (byId.get(id)?.articles.length ?? 0) >= 2)).toBe(
			true
		);
	});

	it('draws every type of question into a drawn play, easy first', () => {
		for (const seed of ['a', 'b', 'c', 'd']) {
			const quiz = quizzes.find((q) => q.id === 'article-mother-jones');
			if (!quiz) throw new Error('missing quiz');
			const drawn = drawQuestions(quiz, byId, seed);
			expect(drawn).toHaveLength(quiz.size);
			expect(new Set(drawn).size).toBe(drawn.length);
			expect(new Set(drawn.map((id) => byId.get(id)?.type))).toEqual(new Set(QUESTION_TYPES));
			const difficulties = drawn.map((id) => byId.get(id)?.difficulty ?? 0);
			expect(difficulties).toEqual([...difficulties].sort());
		}
	});

	it('draws the same questions from the same seed and others from another', () => {
		const quiz = quizzes.find((q) => q.id === 'mixed');
		if (!quiz) throw new Error('missing quiz');
		expect(drawQuestions(quiz, byId, 'seed')).toEqual(drawQuestions(quiz, byId, 'seed'));
		expect(drawQuestions(quiz, byId, 'seed')).not.toEqual(drawQuestions(quiz, byId, 'other'));
	});
});

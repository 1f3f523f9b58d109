import { describe, expect, it } from 'vitest';
import type { Question } from '$lib/bank/schema';
import { gradeAnswer } from './grading';
import type { QuizResponse } from './response';

type Of<T extends Question['type']> = Extract<Question, { type: T }>;

const common: Pick<
	Question,
	'articles' | 'skill' | 'difficulty' | 'stance' | 'prompt' | 'explanation' | 'evidence'
> = {
	articles: ['town'],
	skill: 'sourcing',
	difficulty: 1,
	stance: 'neutral',
	prompt: 'A prompt',
	explanation: 'Why the answer is right.',
	evidence: [{ article: 'town', quote: 'a quote' }]
};

const singleChoice = (): Of<'single-choice'> => ({
	...common,
	id: 'single',
	type: 'single-choice',
	options: ['Mayor', 'Clerk', 'Sheriff'],
	answer: 'Clerk'
});
const findTheEvidence = (): Of<'find-the-evidence'> => ({
	...common,
	id: 'evidence',
	type: 'find-the-evidence',
	options: ['First passage.', 'Second passage.', 'Third passage.'],
	answer: 'Second passage.'
});
const trueFalse = (answer: boolean): Of<'true-false'> => ({
	...common,
	id: 'statement',
	type: 'true-false',
	answer
});
const selectAll = (options: string[], answers: string[]): Of<'select-all'> => ({
	...common,
	id: 'select',
	type: 'select-all',
	options,
	answers
});
const whoSaidIt = (): Of<'who-said-it'> => ({
	...common,
	id: 'who',
	type: 'who-said-it',
	pairs: [
		{ quote: 'first quote', speaker: 'Ada' },
		{ quote: 'second quote', speaker: 'Ben' },
		{ quote: 'third quote', speaker: 'Cy' },
		{ quote: 'fourth quote', speaker: 'Ada' }
	],
	distractors: ['Dee']
});
const factOrOpinion = (): Of<'fact-or-opinion'> => ({
	...common,
	id: 'labels',
	type: 'fact-or-opinion',
	labels: ['Fact', 'Opinion'],
	statements: [
		{ text: 'It rained on Monday.', label: 'Fact' },
		{ text: 'The rain was dreadful.', label: 'Opinion' },
		{ text: 'The council met twice.', label: 'Fact' }
	]
});

const choice = (value: string): QuizResponse => ({ kind: 'choice', choice: value });
const choices = (...values: string[]): QuizResponse => ({ kind: 'choices', choices: values });
const placements = (values: Record<string, string>): QuizResponse => ({
	kind: 'placements',
	placements: values
});

describe('gradeAnswer: one right option', () => {
	it.each([singleChoice(), findTheEvidence()])('gives $type full credit for the answer', (q) => {
		expect(gradeAnswer(q, choice(q.answer))).toEqual({ credit: 1, verdict: 'correct' });
	});

	it.each([singleChoice(), findTheEvidence()])('gives $type nothing for another option', (q) => {
		const other = q.options.find((o) => o !== q.answer) ?? '';
		expect(gradeAnswer(q, choice(other))).toEqual({ credit: 0, verdict: 'incorrect' });
	});

	it('gives nothing for a response of the wrong kind', () => {
		const q = singleChoice();
		expect(gradeAnswer(q, choices(q.answer)).credit).toBe(0);
	});

	it('grades true-false by the words True and False', () => {
		expect(gradeAnswer(trueFalse(true), choice('True')).verdict).toBe('correct');
		expect(gradeAnswer(trueFalse(true), choice('False')).verdict).toBe('incorrect');
		expect(gradeAnswer(trueFalse(false), choice('False')).verdict).toBe('correct');
		expect(gradeAnswer(trueFalse(false), choice('True')).verdict).toBe('incorrect');
		expect(gradeAnswer(trueFalse(true), choice('true')).credit).toBe(0);
	});
});

describe('gradeAnswer: select-all', () => {
	// Three right options, three wrong ones.
	const q = selectAll(['A', 'B', 'C', 'x', 'y', 'z'], ['A', 'B', 'C']);

	it('gives full credit for exactly the right options, in any order', () => {
		expect(gradeAnswer(q, choices('C', 'A', 'B'))).toEqual({
			credit: 1,
			verdict: 'correct',
			parts: { right: 3, total: 3, wrong: 0 }
		});
	});

	it('gives the share of right options ticked when nothing wrong is ticked', () => {
		const grade = gradeAnswer(q, choices('A', 'B'));
		expect(grade.credit).toBeCloseTo(2 / 3);
		expect(grade.verdict).toBe('partial');
		expect(grade.parts).toEqual({ right: 2, total: 3, wrong: 0 });
	});

	it('takes away the share of wrong options ticked', () => {
		const grade = gradeAnswer(q, choices('A', 'B', 'C', 'x'));
		expect(grade.credit).toBeCloseTo(2 / 3);
		expect(grade.verdict).toBe('partial');
		expect(grade.parts).toEqual({ right: 3, total: 3, wrong: 1 });
		expect(gradeAnswer(q, choices('A', 'B', 'x')).credit).toBeCloseTo(1 / 3);
	});

	it('never goes below zero', () => {
		expect(gradeAnswer(q, choices('A', 'x', 'y'))).toEqual({
			credit: 0,
			verdict: 'incorrect',
			parts: { right: 1, total: 3, wrong: 2 }
		});
		expect(gradeAnswer(q, choices('x', 'y', 'z')).credit).toBe(0);
	});

	it('gives nothing for ticking every option when as many options are wrong as right', () => {
		expect(gradeAnswer(q, choices(...q.options)).credit).toBe(0);
	});

	it('gives nothing for ticking every option when fewer options are wrong than right', () => {
		const documented = selectAll(
			['Canada', 'Israel', 'China', 'South Korea'],
			['Canada', 'Israel', 'South Korea']
		);
		expect(gradeAnswer(documented, choices(...documented.options)).credit).toBe(0);
	});

	it('counts a repeated tick once', () => {
		expect(gradeAnswer(q, choices('A', 'A', 'A')).credit).toBeCloseTo(1 / 3);
	});

	it('gives nothing for a response of the wrong kind', () => {
		expect(gradeAnswer(q, choice('A')).verdict).toBe('incorrect');
	});
});

describe('gradeAnswer: who-said-it and fact-or-opinion', () => {
	it('gives full credit when every quote is given its speaker', () => {
		expect(gradeAnswer(whoSaidIt(), placements({ 0: 'Ada', 1: 'Ben', 2: 'Cy', 3: 'Ada' }))).toEqual(
			{ credit: 1, verdict: 'correct', parts: { right: 4, total: 4 } }
		);
	});

	it('gives the share of quotes given their speaker', () => {
		const grade = gradeAnswer(whoSaidIt(), placements({ 0: 'Ada', 1: 'Cy', 2: 'Ben', 3: 'Ada' }));
		expect(grade).toEqual({ credit: 0.5, verdict: 'partial', parts: { right: 2, total: 4 } });
	});

	it('gives nothing when no quote is given its speaker', () => {
		const grade = gradeAnswer(whoSaidIt(), placements({ 0: 'Dee', 1: 'Ada', 2: 'Ada', 3: 'Ben' }));
		expect(grade).toEqual({ credit: 0, verdict: 'incorrect', parts: { right: 0, total: 4 } });
	});

	it('counts a missing placement as wrong', () => {
		expect(gradeAnswer(whoSaidIt(), placements({ 0: 'Ada', 1: 'Ben' })).parts).toEqual({
			right: 2,
			total: 4
		});
	});

	it('gives the share of statements labelled right', () => {
		const q = factOrOpinion();
		expect(gradeAnswer(q, placements({ 0: 'Fact', 1: 'Opinion', 2: 'Fact' })).verdict).toBe(
			'correct'
		);
		const grade = gradeAnswer(q, placements({ 0: 'Fact', 1: 'Fact', 2: 'Fact' }));
		expect(grade.credit).toBeCloseTo(2 / 3);
		expect(grade.verdict).toBe('partial');
		expect(grade.parts).toEqual({ right: 2, total: 3 });
		expect(gradeAnswer(q, placements({ 0: 'Opinion', 1: 'Fact', 2: 'Opinion' })).credit).toBe(0);
	});

	it('gives nothing for a response of the wrong kind', () => {
		expect(gradeAnswer(factOrOpinion(), choices('Fact')).credit).toBe(0);
	});
});

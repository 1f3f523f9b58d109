import { describe, expect, it } from 'vitest';
import { questionSchema, type Question } from '$lib/bank/schema';
import { readOnlyLines } from './read-only-question';

const question = (fields: Record<string, unknown>): Question =>
	questionSchema.parse({
		id: 'q-1',
		articles: ['t-a'],
		skill: 'context',
		difficulty: 1,
		stance: 'neutral',
		prompt: 'Who decided?',
		explanation: 'The council voted.',
		evidence: [{ article: 't-a', quote: 'voted' }],
		...fields
	});

describe('a question laid open for reading', () => {
	it('marks the right options', () => {
		const one = question({ type: 'single-choice', options: ['A', 'B'], answer: 'B' });
		expect(readOnlyLines(one)).toEqual([
			{ text: 'A', note: '' },
			{ text: 'B', note: 'right' }
		]);
		const all = question({ type: 'select-all', options: ['A', 'B', 'C'], answers: ['A', 'C'] });
		expect(readOnlyLines(all).map((l) => l.note)).toEqual(['right', '', 'right']);
		const tf = question({ type: 'true-false', answer: false });
		expect(readOnlyLines(tf)).toEqual([{ text: 'False', note: 'right' }]);
	});

	it('names each quote’s speaker and each statement’s label', () => {
		const said = question({
			type: 'who-said-it',
			pairs: [
				{ quote: 'It loses money', speaker: 'Dana Ortiz' },
				{ quote: 'It is the heart of it', speaker: 'Sam Patel' }
			],
			distractors: ['Lee Chan']
		});
		expect(readOnlyLines(said)).toEqual([
			{ text: 'It loses money', note: 'Dana Ortiz' },
			{ text: 'It is the heart of it', note: 'Sam Patel' },
			{ text: 'Lee Chan', note: 'another speaker to choose from' }
		]);
		const sorted = question({
			type: 'fact-or-opinion',
			labels: ['Fact', 'Opinion'],
			statements: [
				{ text: 'It is a mistake.', label: 'Opinion' },
				{ text: 'It closed.', label: 'Fact' }
			]
		});
		expect(readOnlyLines(sorted).map((l) => l.note)).toEqual(['Opinion', 'Fact']);
	});
});

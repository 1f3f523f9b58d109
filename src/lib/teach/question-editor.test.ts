import { describe, expect, it } from 'vitest';
import { toBankArticle } from './authored-article';
import {
	checkAuthoredQuestion,
	checkSummary,
	formFromQuestion,
	placeOf,
	questionFromForm
} from './question-editor';

const article = toBankArticle({
	id: 't-test',
	headline: 'Pool to close',
	outlet: 'The Courier',
	author: 'not stated',
	published: 'not stated',
	url: 'not stated',
	kind: 'news report',
	uploaded: false,
	body: 'Pool to close\nThe council voted 5-2 to close the pool.\n“It loses money,” said Mayor Dana Ortiz.',
	parts: ['headline']
});

function posted(values: Record<string, string | string[]>) {
	return {
		get: (n: string) => {
			const v = values[n];
			return typeof v === 'string' ? v : '';
		},
		getAll: (n: string) => {
			const v = values[n];
			return Array.isArray(v) ? v : v ? [v] : [];
		}
	};
}

const choice = {
	prompt: 'Who decided?',
	explanation: 'The council voted.',
	skill: 'context',
	difficulty: '1',
	stance: 'neutral',
	'option-0': 'The council',
	'option-1': 'The mayor alone',
	'option-2': 'The swimmers',
	right: ['0'],
	evidence: ['voted 5-2 to close the pool']
};
const check = (values: Record<string, string | string[]>, type = 'single-choice' as const) =>
	checkAuthoredQuestion(
		questionFromForm(posted(values), type, { id: 'draft', article: article.id }),
		article
	);

describe('the question editor', () => {
	it('accepts a question the bank would accept, with the article as its evidence source', () => {
		const result = check(choice);
		expect(result.problems).toEqual([]);
		expect(result.question).toMatchObject({
			type: 'single-choice',
			answer: 'The council',
			evidence: [{ article: 't-test', quote: 'voted 5-2 to close the pool' }]
		});
	});

	it('uses the checker’s rules: a quote not in the article is refused with the closest sentence', () => {
		const result = check({ ...choice, evidence: ['the council voted 6-1'] });
		expect(result.problems).toEqual([
			{
				place: 'evidence',
				message: expect.stringMatching(
					/^Evidence 1: not found verbatim in the article.*Closest sentence of the page: "The council voted 5-2 to close the pool."$/
				)
			}
		]);
	});

	it('says in plain words when no option is ticked as right', () => {
		expect(check({ ...choice, right: [] }).problems).toEqual([
			{ place: 'choices', message: 'Tick the option that is right.' }
		]);
	});

	it('warns, without refusing, when the right option is the longest', () => {
		const result = check({ ...choice, 'option-0': 'The city council, by five votes to two' });
		expect(result.problems).toEqual([]);
		expect(result.warnings[0]).toEqual({
			place: 'choices',
			message: expect.stringMatching(/^The right option is the longest one/)
		});
	});

	it('removes control and format characters and leaves empty rows out', () => {
		const q = questionFromForm(
			posted({ ...choice, prompt: 'Who\u200b deci\u0000ded?', 'option-5': '   ' }),
			'single-choice',
			{ id: 'draft', article: article.id }
		);
		expect(q.prompt).toBe('Who decided?');
		expect(q.options).toEqual(['The council', 'The mayor alone', 'The swimmers']);
	});

	it('opens a stored question with the same fields it was saved from', () => {
		const saved = check(choice).question;
		if (!saved) throw new Error('saved');
		const again = check(formFromQuestion(saved));
		expect(again.question).toEqual(saved);
	});

	it('places each problem beside the field it concerns', () => {
		const result = check({ ...choice, prompt: '', explanation: 'One. Two. Three. Four.' });
		expect(result.problems.map((p) => p.place)).toEqual(['prompt']);
		const long = check({ ...choice, explanation: 'One. Two. Three. Four.' });
		expect(long.problems.map((p) => p.place)).toEqual(['explanation']);
		expect(placeOf(['options', 2])).toBe('choices');
		expect(placeOf(['pairs', 0, 'speaker'])).toBe('choices');
		expect(placeOf(['stance'])).toBe('settings');
		expect(placeOf([])).toBe('question');
	});
});

describe('the check’s summary', () => {
	it('says the counts, and whether it can be saved', () => {
		expect(checkSummary(0, 0)).toBe('Nothing to fix: it can be saved.');
		expect(checkSummary(1, 0)).toBe('1 problem to fix before saving.');
		expect(checkSummary(2, 1)).toBe(
			'2 problems to fix before saving; 1 warning: students could guess it.'
		);
		expect(checkSummary(0, 2)).toBe('2 warnings: students could guess it.');
	});
});

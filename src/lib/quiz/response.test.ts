import { describe, expect, it } from 'vitest';
import type { QuestionType } from '$lib/bank/vocabulary';
import type { PlaceableItem, PublicQuestion } from './public-question';
import { parseResponse } from './response';

function publicQuestion(
	type: QuestionType,
	options: string[],
	items: PlaceableItem[] = []
): PublicQuestion {
	return {
		id: `a-${type}`,
		type,
		skill: 'attribution',
		difficulty: 1,
		articles: ['town'],
		prompt: 'A prompt',
		options,
		items
	};
}

function form(...fields: [string, string | Blob][]): FormData {
	const data = new FormData();
	for (const [name, value] of fields) data.append(name, value);
	return data;
}

const singleChoice = publicQuestion('single-choice', ['Mayor', 'Clerk', 'Sheriff']);
const trueFalse = publicQuestion('true-false', ['True', 'False']);
const findTheEvidence = publicQuestion('find-the-evidence', ['First passage.', 'Second passage.']);
const selectAll = publicQuestion('select-all', ['A', 'B', 'C', 'D']);
// Items in display order; keys are the positions in the bank, so they need not run in order.
const whoSaidIt = publicQuestion(
	'who-said-it',
	['Ada', 'Ben', 'Cy'],
	[
		{ key: '2', text: 'third quote' },
		{ key: '0', text: 'first quote' },
		{ key: '1', text: 'second quote' }
	]
);
const factOrOpinion = publicQuestion(
	'fact-or-opinion',
	['Fact', 'Opinion'],
	[
		{ key: '1', text: 'The rain was dreadful.' },
		{ key: '0', text: 'It rained on Monday.' }
	]
);

describe('parseResponse: one choice', () => {
	it.each([
		{ q: singleChoice, value: 'Clerk' },
		{ q: trueFalse, value: 'False' },
		{ q: findTheEvidence, value: 'Second passage.' }
	])('reads the chosen option of a $q.type question', ({ q, value }) => {
		expect(parseResponse(q, form(['choice', value]))).toEqual({
			ok: true,
			response: { kind: 'choice', choice: value }
		});
	});

	it.each([
		['no field', form()],
		['an empty field', form(['choice', ''])],
		['a file', form(['choice', new Blob(['Clerk'])])]
	])('asks for an answer when the form has %s', (_, data) => {
		expect(parseResponse(singleChoice, data)).toEqual({
			ok: false,
			message: 'Choose an answer before you submit.'
		});
	});

	it.each([
		{ q: singleChoice, value: 'Judge' },
		{ q: singleChoice, value: 'clerk' },
		{ q: singleChoice, value: ' Clerk' },
		{ q: trueFalse, value: 'true' }
	])('refuses $value, which the $q.type question did not offer', ({ q, value }) => {
		const parsed = parseResponse(q, form(['choice', value]));
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.message).toMatch(/not one of this question’s options/);
	});
});

describe('parseResponse: select-all', () => {
	it('reads every ticked option', () => {
		expect(parseResponse(selectAll, form(['choices', 'B'], ['choices', 'D']))).toEqual({
			ok: true,
			response: { kind: 'choices', choices: ['B', 'D'] }
		});
	});

	it('keeps one copy of an option ticked twice', () => {
		const parsed = parseResponse(
			selectAll,
			form(['choices', 'A'], ['choices', 'A'], ['choices', 'C'])
		);
		expect(parsed).toEqual({ ok: true, response: { kind: 'choices', choices: ['A', 'C'] } });
	});

	it('asks for at least one tick', () => {
		expect(parseResponse(selectAll, form())).toEqual({
			ok: false,
			message: 'Tick at least one option before you submit.'
		});
		expect(parseResponse(selectAll, form(['choice', 'A'])).ok).toBe(false);
	});

	it('refuses the whole answer when one ticked value was not offered', () => {
		const parsed = parseResponse(selectAll, form(['choices', 'A'], ['choices', 'E']));
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.message).toMatch(/not part of this question/);
	});
});

describe('parseResponse: placements', () => {
	it('reads one answer per quote, keyed by the item key', () => {
		const data = form(['place-0', 'Ada'], ['place-1', 'Ben'], ['place-2', 'Ada'], ['other', 'x']);
		expect(parseResponse(whoSaidIt, data)).toEqual({
			ok: true,
			response: { kind: 'placements', placements: { 0: 'Ada', 1: 'Ben', 2: 'Ada' } }
		});
	});

	it('reads one label per statement', () => {
		const data = form(['place-0', 'Fact'], ['place-1', 'Opinion']);
		expect(parseResponse(factOrOpinion, data)).toEqual({
			ok: true,
			response: { kind: 'placements', placements: { 0: 'Fact', 1: 'Opinion' } }
		});
	});

	it('names the missing quotes by their place on the page', () => {
		// Display order: key 2 is quote 1, key 0 is quote 2, key 1 is quote 3.
		expect(parseResponse(whoSaidIt, form(['place-0', 'Ada']))).toEqual({
			ok: false,
			message: 'Give an answer for every quote (missing: quote 1, 3).'
		});
		expect(
			parseResponse(whoSaidIt, form(['place-1', 'Ada'], ['place-2', ''], ['place-0', 'Cy']))
		).toEqual({
			ok: false,
			message: 'Give an answer for every quote (missing: quote 1).'
		});
	});

	it('names the missing statements', () => {
		expect(parseResponse(factOrOpinion, form())).toEqual({
			ok: false,
			message: 'Give an answer for every statement (missing: statement 1, 2).'
		});
	});

	it('refuses a label the question did not offer', () => {
		const parsed = parseResponse(factOrOpinion, form(['place-0', 'Fact'], ['place-1', 'Rumour']));
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.message).toMatch(/not among this question’s choices/);
	});
});

describe('parseResponse never throws', () => {
	const questions = [singleChoice, trueFalse, findTheEvidence, selectAll, whoSaidIt, factOrOpinion];
	const forms = [
		form(),
		form(
			['choice', new Blob(['x'])],
			['choices', new Blob(['A'])],
			['place-0', new Blob(['Fact'])]
		),
		form(['__proto__', 'A'], ['constructor', 'A'], ['place-__proto__', 'Fact']),
		form(['choice', 'x'.repeat(100_000)], ['choices', '\u0000'], ['place-0', '💥'])
	];

	it('answers every malformed post with a message', () => {
		for (const q of questions) {
			for (const data of forms) {
				const parsed = parseResponse(q, data);
				expect(parsed.ok).toBe(false);
				if (!parsed.ok) expect(parsed.message.length).toBeGreaterThan(0);
			}
		}
	});
});

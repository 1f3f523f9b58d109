import { describe, expect, it } from 'vitest';
import type { Question } from './schema.ts';
import {
	contentWords,
	formatGuessingFigures,
	formatSolverTable,
	longestIsRight,
	solveWithoutReading,
	type TypeReport
} from './solver.ts';

function common() {
	return {
		articles: ['town'],
		skill: 'context' as const,
		difficulty: 1 as const,
		stance: 'neutral' as const,
		explanation: 'Read the page.',
		evidence: [{ article: 'town', quote: 'The council voted' }]
	};
}

function choice(id: string, prompt: string, options: string[], answer: string): Question {
	return { ...common(), id, type: 'single-choice', prompt, options, answer };
}
function statement(id: string, prompt: string, answer: boolean): Question {
	return { ...common(), id, type: 'true-false', prompt, answer };
}
function trick(reports: TypeReport[], type: string, name: string) {
	const found = reports.find((r) => r.type === type)?.tricks.find((t) => t.name === name);
	if (!found) throw new Error(`no trick ${name} for ${type}`);
	return found;
}

describe('the no-reading solver', () => {
	it('wins with the longest option when the answer is always the longest', () => {
		const qs = [
			choice(
				'a',
				'Who voted?',
				['The town council, by seven to two', 'Tom', 'Ana', 'Critics'],
				'The town council, by seven to two'
			),
			choice(
				'b',
				'Who spoke?',
				['Tom Bell, the engineer quoted', 'Ana', 'Critics', 'Council'],
				'Tom Bell, the engineer quoted'
			)
		];
		const reports = solveWithoutReading(qs);
		expect(trick(reports, 'single-choice', 'longest option')).toMatchObject({
			score: 1,
			wins: ['a', 'b']
		});
		expect(reports[0].chance).toBe(0.25);
		expect(longestIsRight(qs)).toEqual(['a', 'b']);
	});

	it('wins with the shortest option when every answer was trimmed to dodge the longest-option trick', () => {
		const qs = [
			choice('a', 'Who?', ['Tom', 'Ana Ruiz, the mayor', 'The council of the town'], 'Tom'),
			choice('b', 'What?', ['A vote', 'A long repair plan', 'A bridge over the river'], 'A vote')
		];
		const reports = solveWithoutReading(qs);
		expect(trick(reports, 'single-choice', 'shortest option').score).toBe(1);
		expect(trick(reports, 'single-choice', 'longest option').score).toBe(0);
	});

	it('splits a tie between equally long options, as a guessing student would', () => {
		const qs = [choice('a', 'Which?', ['Ana', 'Tom', 'Bo'], 'Tom')];
		expect(trick(solveWithoutReading(qs), 'single-choice', 'longest option').score).toBeCloseTo(
			0.5
		);
	});

	it('picks the option that echoes the words of the prompt', () => {
		const qs = [
			choice(
				'a',
				'Which sentence shows the bridge repair vote?',
				['The bridge repair vote passed.', 'Critics left.', 'Tom spoke.'],
				'The bridge repair vote passed.'
			)
		];
		expect(trick(solveWithoutReading(qs), 'single-choice', 'echoes the prompt').score).toBe(1);
	});

	it('picks the only hedged option and the only sceptical one, and avoids absolute words', () => {
		const hedged = choice(
			'h',
			'Why?',
			['It may be a guess', 'It is a fact', 'It is a lie'],
			'It may be a guess'
		);
		const sceptical = choice(
			's',
			'Who?',
			['None; the page names nobody', 'Ana Ruiz', 'Tom Bell'],
			'Ana Ruiz'
		);
		const absolute = choice(
			'x',
			'What?',
			['It always works', 'It never works', 'It worked once'],
			'It worked once'
		);
		const reports = solveWithoutReading([hedged, sceptical, absolute]);
		expect(trick(reports, 'single-choice', 'only hedged option').wins).toEqual(['h']);
		expect(trick(reports, 'single-choice', 'sceptical option').wins).toEqual([]);
		expect(trick(reports, 'single-choice', 'avoid absolute words').wins).toContain('x');
	});

	it('finds the odd one out among options that share words', () => {
		const qs = [
			choice(
				'a',
				'Which?',
				['the mayor of the town', 'the mayor of the city', 'an engineer'],
				'an engineer'
			)
		];
		expect(trick(solveWithoutReading(qs), 'single-choice', 'odd one out').score).toBe(1);
	});

	it('scores always True and always False over true-false statements', () => {
		const qs = [
			statement('a', 'Ana is mayor.', true),
			statement('b', 'Tom is mayor.', false),
			statement('c', 'Bo is mayor.', false)
		];
		const reports = solveWithoutReading(qs);
		expect(trick(reports, 'true-false', 'always True').score).toBeCloseTo(1 / 3);
		expect(trick(reports, 'true-false', 'always False')).toMatchObject({ wins: ['b', 'c'] });
		expect(reports[0]).toMatchObject({ type: 'true-false', items: 3, chance: 0.5 });
	});

	it('judges hedged statements True and absolute ones False, and guesses otherwise', () => {
		const qs = [
			statement('a', 'The page may say so.', true),
			statement('b', 'The page never says so.', false),
			statement('c', 'Plain.', true)
		];
		expect(
			trick(solveWithoutReading(qs), 'true-false', 'hedged is True, absolute is False').score
		).toBeCloseTo(2.5 / 3);
	});

	it('sorts every statement under one label, scored by the share placed right', () => {
		const sort: Question = {
			...common(),
			id: 's',
			type: 'fact-or-opinion',
			prompt: 'Label each line.',
			labels: ['Fact', 'Opinion'],
			statements: [
				{ text: 'The council voted 7–2.', label: 'Fact' },
				{ text: 'Ana Ruiz is mayor.', label: 'Fact' },
				{ text: 'It is the right call.', label: 'Opinion' }
			]
		};
		const reports = solveWithoutReading([sort]);
		expect(reports[0]).toMatchObject({ type: 'fact-or-opinion', chance: 0.5 });
		expect(trick(reports, 'fact-or-opinion', 'always the first label').score).toBeCloseTo(2 / 3);
		expect(trick(reports, 'fact-or-opinion', 'always the last label').score).toBeCloseTo(1 / 3);
	});

	it('leaves out types it cannot guess and keeps content words only', () => {
		expect(solveWithoutReading([])).toEqual([]);
		expect([...contentWords('The councils voted on the bridge')]).toEqual([
			'council',
			'voted',
			'bridge'
		]);
	});

	it('prints a table with every trick and the balance of keys', () => {
		const qs = [
			statement('a', 'Ana is mayor.', true),
			choice('b', 'Who?', ['Ana', 'Tom Bell'], 'Tom Bell')
		];
		const table = formatSolverTable(solveWithoutReading(qs));
		expect(table).toContain('| type ');
		expect(table).toMatch(/true-false\s+\| 1\s+\| 50 %\s+\| always True: 100 %/);
		const figures = formatGuessingFigures(qs);
		expect(figures).toContain('True keys: 1 of 1 true-false questions (100 %).');
		expect(figures).toContain('Right option is the longest: 1 of 1');
	});
});

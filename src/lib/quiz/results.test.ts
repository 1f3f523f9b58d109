import { describe, expect, it } from 'vitest';
import type { Skill } from '$lib/bank/vocabulary';
import { summarizeResults } from './results';

const answer = (skill: Skill, credit: number, points = Math.round(100 * credit)) => ({
	skill,
	credit,
	points
});

describe('summarizeResults', () => {
	it('adds up the stored points, streak bonuses included', () => {
		const summary = summarizeResults([
			answer('sourcing', 1, 100),
			answer('sourcing', 1, 200),
			answer('framing', 1, 350),
			answer('framing', 0, 0)
		]);
		expect(summary.score).toBe(650);
		expect(summary.questions).toBe(4);
		expect(summary.fullyRight).toBe(3);
	});

	it('counts partial credit in the overall percent, rounded', () => {
		const summary = summarizeResults([
			answer('sourcing', 1),
			answer('sourcing', 0.5),
			answer('framing', 0),
			answer('framing', 2 / 3)
		]);
		// (1 + 0.5 + 0 + 0.667) / 4 = 54.2 %
		expect(summary.percent).toBe(54);
		expect(summary.fullyRight).toBe(1);
	});

	it('gives each skill its own percent, weakest first', () => {
		const summary = summarizeResults([
			answer('sourcing', 1),
			answer('framing', 1 / 3),
			answer('sourcing', 0.5),
			answer('context', 1),
			answer('framing', 0)
		]);
		expect(summary.skills).toEqual([
			{ skill: 'framing', questions: 2, percent: 17 },
			{ skill: 'sourcing', questions: 2, percent: 75 },
			{ skill: 'context', questions: 1, percent: 100 }
		]);
		expect(summary.weakest).toBe('framing');
	});

	it('names the skill with the lowest percent as the weakest, whatever the order of answers', () => {
		const answers = [answer('evidence', 0.5), answer('attribution', 1), answer('context', 0.25)];
		expect(summarizeResults(answers).weakest).toBe('context');
		expect(summarizeResults([...answers].reverse()).weakest).toBe('context');
	});

	it('breaks a tie in percent by the skill with fewer questions', () => {
		const summary = summarizeResults([
			answer('sourcing', 0.5),
			answer('sourcing', 0.5),
			answer('framing', 0.5)
		]);
		expect(summary.weakest).toBe('framing');
	});

	it('names no weakest skill when every answer is fully right', () => {
		const summary = summarizeResults([answer('sourcing', 1), answer('framing', 1)]);
		expect(summary.percent).toBe(100);
		expect(summary.weakest).toBeNull();
	});

	it('summarizes a play with no answers as zero', () => {
		expect(summarizeResults([])).toEqual({
			score: 0,
			questions: 0,
			fullyRight: 0,
			percent: 0,
			skills: [],
			weakest: null
		});
	});

	it('counts questions never reached as not right when the play ended early', () => {
		const summary = summarizeResults([{ skill: 'framing', credit: 1, points: 100 }], 2);
		expect(summary).toMatchObject({ questions: 2, fullyRight: 1, percent: 50, score: 100 });
	});
});

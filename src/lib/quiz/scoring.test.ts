import { describe, expect, it } from 'vitest';
import type { Grade } from './grading';
import { basePoints, scoreAnswer } from './scoring';

const correct: Grade = { credit: 1, verdict: 'correct' };
const incorrect: Grade = { credit: 0, verdict: 'incorrect' };
const partial = (credit: number): Grade => ({ credit, verdict: 'partial' });

describe('basePoints', () => {
	it('gives 100 points per level of difficulty for a fully right answer', () => {
		expect(basePoints(correct, 1)).toBe(100);
		expect(basePoints(correct, 2)).toBe(200);
		expect(basePoints(correct, 3)).toBe(300);
	});

	it('scales with the credit of a partly right answer', () => {
		expect(basePoints(partial(0.5), 1)).toBe(50);
		expect(basePoints(partial(0.5), 3)).toBe(150);
		expect(basePoints(partial(0.25), 2)).toBe(50);
	});

	it('rounds to whole points', () => {
		expect(basePoints(partial(1 / 3), 1)).toBe(33);
		expect(basePoints(partial(2 / 3), 1)).toBe(67);
		expect(basePoints(partial(1 / 6), 1)).toBe(17);
		expect(basePoints(partial(2 / 3), 2)).toBe(133);
		expect(basePoints(partial(1 / 7), 3)).toBe(43);
	});

	it('gives nothing for a wrong answer', () => {
		expect(basePoints(incorrect, 3)).toBe(0);
	});
});

describe('scoreAnswer', () => {
	it('starts or extends a streak with a fully right answer', () => {
		expect(scoreAnswer(correct, 1, 0)).toEqual({ points: 100, streak: 1, bonus: 0 });
		expect(scoreAnswer(correct, 2, 1)).toEqual({ points: 200, streak: 2, bonus: 0 });
	});

	it('ends the streak on a partly right or wrong answer, keeping its points', () => {
		expect(scoreAnswer(partial(0.5), 2, 5)).toEqual({ points: 100, streak: 0, bonus: 0 });
		expect(scoreAnswer(incorrect, 3, 5)).toEqual({ points: 0, streak: 0, bonus: 0 });
	});

	it('adds 50 points from the third right answer in a row on', () => {
		expect(scoreAnswer(correct, 1, 2)).toEqual({ points: 150, streak: 3, bonus: 50 });
		expect(scoreAnswer(correct, 3, 3)).toEqual({ points: 350, streak: 4, bonus: 50 });
		expect(scoreAnswer(correct, 2, 9)).toEqual({ points: 250, streak: 10, bonus: 50 });
	});

	it('scores a run of answers with the streak carried from one to the next', () => {
		const verdicts = [correct, correct, correct, partial(0.5), correct, correct, correct];
		let streak = 0;
		const points: number[] = [];
		for (const grade of verdicts) {
			const scored = scoreAnswer(grade, 1, streak);
			streak = scored.streak;
			points.push(scored.points);
		}
		expect(points).toEqual([100, 100, 150, 50, 100, 100, 150]);
		expect(streak).toBe(3);
	});
});

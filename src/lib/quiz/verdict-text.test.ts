import { describe, expect, it } from 'vitest';
import { verdictDetails } from './verdict-text';

describe('verdictDetails', () => {
	it('gives the points, and the streak once there is one', () => {
		expect(verdictDetails({ credit: 1, verdict: 'correct' }, 100)).toBe('+100 points');
		expect(verdictDetails({ credit: 1, verdict: 'correct' }, 150, 50, 3)).toBe(
			'+150 points (including a 50-point streak bonus) · streak 3'
		);
	});

	it('counts the parts of a select-all, matching or sorting answer', () => {
		expect(
			verdictDetails({ credit: 0.5, verdict: 'partial', parts: { right: 2, total: 4 } }, 50)
		).toBe('2 of 4 right · +50 points');
		expect(
			verdictDetails(
				{ credit: 0.25, verdict: 'partial', parts: { right: 2, total: 4, wrong: 1 } },
				25
			)
		).toBe('2 of 4 right, 1 wrong tick · +25 points');
	});

	it('explains a zero that comes from wrong ticks cancelling right ones', () => {
		expect(
			verdictDetails(
				{ credit: 0, verdict: 'incorrect', parts: { right: 2, total: 4, wrong: 2 } },
				0
			)
		).toBe('2 of 4 right, 2 wrong ticks · +0 points: the wrong ticks cancel the right ones');
	});
});

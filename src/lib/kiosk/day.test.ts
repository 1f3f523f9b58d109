import { describe, expect, it } from 'vitest';
import { leaderboardDay } from './day';

describe('leaderboardDay', () => {
	it('is the date in the school’s zone, not in UTC', () => {
		const lateEvening = new Date('2026-03-02T23:30:00Z');
		expect(leaderboardDay(lateEvening, 'UTC')).toBe('2026-03-02');
		expect(leaderboardDay(lateEvening, 'Europe/Berlin')).toBe('2026-03-03');
		expect(leaderboardDay(lateEvening, 'America/Chicago')).toBe('2026-03-02');
	});

	it('turns over at local midnight', () => {
		expect(leaderboardDay(new Date('2026-07-01T03:59:59Z'), 'America/New_York')).toBe('2026-06-30');
		expect(leaderboardDay(new Date('2026-07-01T04:00:00Z'), 'America/New_York')).toBe('2026-07-01');
	});
});

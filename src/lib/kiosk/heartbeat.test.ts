import { describe, expect, it } from 'vitest';
import { heartbeatDue, kioskState } from './heartbeat';

const now = new Date('2026-03-02T10:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

describe('the kiosk heartbeat', () => {
	it('is written at most once a minute', () => {
		expect(heartbeatDue(null, now)).toBe(true);
		expect(heartbeatDue(ago(4_000), now)).toBe(false);
		expect(heartbeatDue(ago(60_000), now)).toBe(true);
	});

	it('makes the badge: running, not seen since, never started, revoked', () => {
		const state = (lastSeenAt: string | null, revokedAt: string | null = null) =>
			kioskState({ lastSeenAt, revokedAt }, now, 'UTC').label;
		expect(state(ago(60_000))).toBe('Running');
		expect(state(ago(10 * 60_000))).toMatch(/^Not seen since .*09:50/);
		expect(state(null)).toBe('Never started');
		expect(state(ago(1000), ago(500))).toBe('Revoked');
	});
});

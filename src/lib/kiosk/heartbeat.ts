import { formatTime } from '$lib/teach/time';

/** The screen checks in every few seconds; the store notes it at most once a minute. */
export const HEARTBEAT_WRITE_MS = 60_000;
/** Not heard from for longer than this, a screen is no longer counted as running. */
export const RUNNING_WITHIN_MS = 3 * 60_000;

/** Whether a heartbeat at `now` should be written, given the last one noted. */
export function heartbeatDue(lastSeenAt: string | null, now: Date): boolean {
	return (
		lastSeenAt === null || now.getTime() - new Date(lastSeenAt).getTime() >= HEARTBEAT_WRITE_MS
	);
}

export type KioskState =
	{ kind: 'running'; label: string } | { kind: 'quiet' | 'never' | 'revoked'; label: string };

/** The owner's badge: running (heard from lately), not seen since a time, never started, or revoked. */
export function kioskState(
	k: { revokedAt: string | null; lastSeenAt: string | null },
	now: Date,
	timeZone: string
): KioskState {
	if (k.revokedAt) return { kind: 'revoked', label: 'Revoked' };
	if (!k.lastSeenAt) return { kind: 'never', label: 'Never started' };
	if (now.getTime() - new Date(k.lastSeenAt).getTime() <= RUNNING_WITHIN_MS)
		return { kind: 'running', label: 'Running' };
	return { kind: 'quiet', label: `Not seen since ${formatTime(k.lastSeenAt, timeZone)}` };
}

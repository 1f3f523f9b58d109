import { config } from './config';

let offsetMs = 0;

/**
 * The server's notion of "now": every time limit, opening time and rate window reads it. Tests
 * that need an hour to pass move it forward instead of waiting (only when the server was started
 * with `BYLINE_TEST_CLOCK=settable`).
 */
export function serverNow(): Date {
	return new Date(Date.now() + offsetMs);
}

export function clockCanBeMoved(): boolean {
	return config.testClock;
}

/** Moves the clock forward by `ms`; refused unless the server was started for tests. */
export function moveClockForward(ms: number): Date {
	if (!config.testClock)
		throw new Error('The clock can only be moved on a server started for tests.');
	if (!Number.isFinite(ms) || ms < 0) throw new Error('The clock only moves forward.');
	offsetMs += ms;
	return serverNow();
}

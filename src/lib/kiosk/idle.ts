/**
 * How long "Still playing?" counts down before the round is discarded: a third of the idle
 * timeout, but at least 10 s for a person to notice and reach the screen, and at most 20 s.
 */
export function countdownSeconds(idleSeconds: number): number {
	return Math.min(20, Math.max(10, Math.round(idleSeconds / 3)));
}

export type IdlePhase =
	{ phase: 'playing' } | { phase: 'asking'; secondsLeft: number } | { phase: 'expired' };

/**
 * Where an untouched screen stands: still playing until the idle timeout, then asking "Still
 * playing?" with a countdown, then expired (the round is discarded). Times in milliseconds.
 */
export function idlePhase(lastTouch: number, now: number, idleSeconds: number): IdlePhase {
	const idle = (now - lastTouch) / 1000;
	if (idle < idleSeconds) return { phase: 'playing' };
	const left = idleSeconds + countdownSeconds(idleSeconds) - idle;
	if (left > 0) return { phase: 'asking', secondsLeft: Math.ceil(left) };
	return { phase: 'expired' };
}

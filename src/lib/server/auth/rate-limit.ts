import {
	addLimitHits,
	deleteLimitWindows,
	findLimitWindow,
	removeLimitHit,
	setLimitHits,
	setLimitWindow,
	startLimitWindow,
	transaction
} from '../db/auth';
import type { Store } from '../db/connection';

export interface Limit {
	/** How many attempts fit in one window. */
	max: number;
	windowSeconds: number;
}

/** Failures on one account from one address: that address is then shut out of the account. */
export const SIGN_IN_PER_ACCOUNT: Limit = { max: 5, windowSeconds: 15 * 60 };

/**
 * Failures on one account from anywhere. Not a lockout, which would let anyone shut a teacher out
 * of their class: after the 5th, each attempt waits longer (2, 4, 8… seconds, at most a minute).
 */
export interface Delay {
	windowSeconds: number;
	/** Seconds to wait after the `attempts`-th attempt in the window. */
	after: (attempts: number) => number;
}
export const SIGN_IN_ACCOUNT_DELAY: Delay = {
	windowSeconds: 15 * 60,
	after: (attempts) => (attempts < 5 ? 0 : Math.min(60, 2 ** (attempts - 4)))
};
export const SIGN_IN_PER_ADDRESS: Limit = { max: 30, windowSeconds: 15 * 60 };
export const JOIN_PER_ADDRESS: Limit = { max: 20, windowSeconds: 60 };
/** Wrong invite codes and emails that already have an account, per address. */
export const SIGN_UP_FAILURES_PER_ADDRESS: Limit = { max: 10, windowSeconds: 15 * 60 };
/** New accounts per address: generous, since a school's staff share one address. */
export const SIGN_UP_ACCOUNTS_PER_ADDRESS: Limit = { max: 50, windowSeconds: 60 * 60 };

/**
 * Counts one attempt against `key` in a fixed window kept in the store, so limits hold across
 * restarts. Returns the seconds to wait when the limit is reached, or 0 when the attempt may go on.
 */
export async function hitLimit(
	store: Store,
	key: string,
	limit: Limit,
	now: Date
): Promise<number> {
	return hitLimits(store, [[key, limit]], now);
}

/**
 * Counts one attempt against every key at once, in one transaction: either all are counted and 0
 * is returned, or none is and the longest wait is. Counting before the slow work (a password
 * hash) is what keeps a burst of parallel attempts inside the limit.
 */
export async function hitLimits(
	store: Store,
	limits: readonly (readonly [key: string, limit: Limit])[],
	now: Date,
	delayed?: { key: string; delay: Delay }
): Promise<number> {
	return transaction(
		store,
		async (trx) => {
			let wait = 0;
			// A delay keeps its count under its key and the time the next attempt may come under `:next`.
			let delayedCount = 0;
			if (delayed) {
				const [row, next] = await Promise.all(
					[delayed.key, `${delayed.key}:next`].map((key) => findLimitWindow(trx, key))
				);
				const elapsed = row ? (now.getTime() - new Date(row.window_start).getTime()) / 1000 : 0;
				const fresh = !row || elapsed >= delayed.delay.windowSeconds;
				const nextAt = next ? new Date(next.window_start).getTime() : 0;
				if (!fresh && nextAt > now.getTime()) wait = Math.ceil((nextAt - now.getTime()) / 1000);
				delayedCount = fresh ? 1 : (row?.hits ?? 0) + 1;
			}
			const fresh: string[] = [];
			const counted: string[] = [];
			for (const [key, limit] of limits) {
				const row = await findLimitWindow(trx, key);
				const elapsed = row ? (now.getTime() - new Date(row.window_start).getTime()) / 1000 : 0;
				if (!row || elapsed >= limit.windowSeconds) fresh.push(key);
				else if (row.hits >= limit.max)
					wait = Math.max(wait, Math.ceil(limit.windowSeconds - elapsed));
				else counted.push(key);
			}
			if (wait > 0) return wait;
			for (const key of fresh) await startLimitWindow(trx, key, now.toISOString());
			await addLimitHits(trx, counted);
			if (delayed) {
				const nextAt = new Date(now.getTime() + delayed.delay.after(delayedCount) * 1000);
				if (delayedCount > 1) await setLimitHits(trx, delayed.key, delayedCount);
				else await startLimitWindow(trx, delayed.key, now.toISOString());
				await setLimitWindow(trx, {
					key: `${delayed.key}:next`,
					window_start: nextAt.toISOString(),
					hits: 0
				});
			}
			return 0;
		},
		[...limits.map(([key]) => key), ...(delayed ? [delayed.key] : [])]
	);
}

/** Takes back one counted attempt (it turned out to be one that should not count). */
export async function refundLimit(store: Store, key: string): Promise<void> {
	await removeLimitHit(store, key);
}

/** Seconds to wait before another attempt against `key`, without counting one; 0 when free. */
export async function limitWait(
	store: Store,
	key: string,
	limit: Limit,
	now: Date
): Promise<number> {
	const row = await findLimitWindow(store, key);
	if (!row || row.hits < limit.max) return 0;
	const elapsed = (now.getTime() - new Date(row.window_start).getTime()) / 1000;
	return elapsed >= limit.windowSeconds ? 0 : Math.ceil(limit.windowSeconds - elapsed);
}

/** Forgets the attempts counted against `key` (and its delay, if it has one). */
export async function clearLimit(store: Store, key: string): Promise<void> {
	await deleteLimitWindows(store, [key, `${key}:next`]);
}

export function waitMessage(seconds: number): string {
	if (seconds < 90)
		return `Too many attempts. Wait ${seconds} second${seconds === 1 ? '' : 's'} and try again.`;
	return `Too many attempts. Wait ${Math.ceil(seconds / 60)} minutes and try again.`;
}

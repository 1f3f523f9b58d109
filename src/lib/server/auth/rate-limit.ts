import {
	addLimitHit,
	deleteLimitWindow,
	findLimitWindow,
	startLimitWindow,
	transaction
} from '../db/auth';
import type { Store } from '../db/connection';

export interface Limit {
	/** How many attempts fit in one window. */
	max: number;
	windowSeconds: number;
}

export const SIGN_IN_PER_ACCOUNT: Limit = { max: 5, windowSeconds: 15 * 60 };
export const SIGN_IN_PER_ADDRESS: Limit = { max: 30, windowSeconds: 15 * 60 };
export const JOIN_PER_ADDRESS: Limit = { max: 20, windowSeconds: 60 };

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
	return transaction(store, async (trx) => {
		const row = await findLimitWindow(trx, key);
		const start = row ? new Date(row.window_start) : now;
		const elapsed = (now.getTime() - start.getTime()) / 1000;
		if (!row || elapsed >= limit.windowSeconds) {
			await startLimitWindow(trx, key, now.toISOString());
			return 0;
		}
		if (row.hits >= limit.max) return Math.ceil(limit.windowSeconds - elapsed);
		await addLimitHit(trx, key);
		return 0;
	});
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

export async function clearLimit(store: Store, key: string): Promise<void> {
	await deleteLimitWindow(store, key);
}

export function waitMessage(seconds: number): string {
	if (seconds < 90)
		return `Too many attempts. Wait ${seconds} second${seconds === 1 ? '' : 's'} and try again.`;
	return `Too many attempts. Wait ${Math.ceil(seconds / 60)} minutes and try again.`;
}

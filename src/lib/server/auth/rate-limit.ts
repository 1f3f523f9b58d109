import { sql } from 'kysely';
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
	return store.transaction().execute(async (trx) => {
		const row = await trx
			.selectFrom('rate_limit')
			.selectAll()
			.where('key', '=', key)
			.executeTakeFirst();
		const start = row ? new Date(row.window_start) : now;
		const elapsed = (now.getTime() - start.getTime()) / 1000;
		if (!row || elapsed >= limit.windowSeconds) {
			await trx
				.insertInto('rate_limit')
				.values({ key, window_start: now.toISOString(), hits: 1 })
				.onConflict((c) =>
					c.column('key').doUpdateSet({ window_start: now.toISOString(), hits: 1 })
				)
				.execute();
			return 0;
		}
		if (row.hits >= limit.max) return Math.ceil(limit.windowSeconds - elapsed);
		await trx
			.updateTable('rate_limit')
			.set({ hits: sql`hits + 1` })
			.where('key', '=', key)
			.execute();
		return 0;
	});
}

export async function clearLimit(store: Store, key: string): Promise<void> {
	await store.deleteFrom('rate_limit').where('key', '=', key).execute();
}

export function waitMessage(seconds: number): string {
	const minutes = Math.ceil(seconds / 60);
	return seconds < 90
		? `Too many attempts. Wait ${seconds} seconds and try again.`
		: `Too many attempts. Wait ${minutes} minutes and try again.`;
}

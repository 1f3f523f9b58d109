import type { App } from './app';
import { deletePlaysById, findUnfinishedFreePlays } from './db/caps';

/** A free play nobody has answered for this long is abandoned, and deleted. */
export const ABANDONED_FREE_PLAY_DAYS = 7;
const DAY = 24 * 60 * 60 * 1000;
const BATCH = 500;

/**
 * Deletes free plays from the home page (not an assignment's, not a kiosk's) that were left
 * unfinished: no answer, or the last one, for `ABANDONED_FREE_PLAY_DAYS`. Finished plays keep
 * their results until the retention period. Returns how many were deleted.
 */
export async function purgeAbandonedFreePlays(app: App, now: Date): Promise<number> {
	const cutoff = new Date(now.getTime() - ABANDONED_FREE_PLAY_DAYS * DAY).toISOString();
	const abandoned = (await findUnfinishedFreePlays(app.store, cutoff))
		.filter((p) => p.answered < p.questions && (p.lastAnswer === null || p.lastAnswer < cutoff))
		.map((p) => p.id);
	let deleted = 0;
	for (let i = 0; i < abandoned.length; i += BATCH)
		deleted += await deletePlaysById(app.store, abandoned.slice(i, i + BATCH));
	return deleted;
}

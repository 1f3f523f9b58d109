import type { App } from './app';

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
	const candidates = await app.store
		.selectFrom('play')
		.leftJoin('answer', 'answer.play_id', 'play.id')
		.select(({ fn }) => [
			'play.id',
			'play.question_ids',
			fn.count<number>('answer.position').as('answered'),
			fn.max('answer.answered_at').as('lastAnswer')
		])
		.where('play.student_id', 'is', null)
		.where('play.quiz_id', 'not like', 'kiosk:%')
		.where('play.finished_at', 'is', null)
		.where('play.created_at', '<', cutoff)
		.groupBy(['play.id', 'play.question_ids'])
		.execute();
	const abandoned = candidates
		.filter(
			(p) =>
				Number(p.answered) < (JSON.parse(p.question_ids) as unknown[]).length &&
				(p.lastAnswer === null || String(p.lastAnswer) < cutoff)
		)
		.map((p) => p.id);
	let deleted = 0;
	for (let i = 0; i < abandoned.length; i += BATCH) {
		const result = await app.store
			.deleteFrom('play')
			.where('id', 'in', abandoned.slice(i, i + BATCH))
			.executeTakeFirst();
		deleted += Number(result.numDeletedRows);
	}
	return deleted;
}

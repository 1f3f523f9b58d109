import type { App } from './app';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Deletes student data older than the retention period: students not active since the cut-off
 * (their plays and answers cascade), and free plays from the home page started before it.
 */
export async function purgeExpiredData(
	app: App,
	retentionDays: number,
	now: Date
): Promise<{ students: number; plays: number }> {
	const cutoff = new Date(now.getTime() - retentionDays * DAY).toISOString();
	const students = await app.store
		.deleteFrom('student')
		.where('last_active_at', '<', cutoff)
		.executeTakeFirst();
	const plays = await app.store
		.deleteFrom('play')
		.where('student_id', 'is', null)
		.where('created_at', '<', cutoff)
		.executeTakeFirst();
	return { students: Number(students.numDeletedRows), plays: Number(plays.numDeletedRows) };
}

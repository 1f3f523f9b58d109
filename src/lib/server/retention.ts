import type { App } from './app';
import { deleteFreePlaysBefore } from './db/plays';
import { deleteStudentsInactiveSince } from './db/students';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Deletes student data older than the retention period: students not active since the cut-off
 * (their plays and answers cascade), and free plays from the home page started before it.
 */
export async function purgeExpiredData(
	app: Pick<App, 'store'>,
	retentionDays: number,
	now: Date
): Promise<{ students: number; plays: number }> {
	const cutoff = new Date(now.getTime() - retentionDays * DAY).toISOString();
	const students = await deleteStudentsInactiveSince(app.store, cutoff);
	const plays = await deleteFreePlaysBefore(app.store, cutoff);
	return { students, plays };
}

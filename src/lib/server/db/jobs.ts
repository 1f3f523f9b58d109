import { hostname } from 'node:os';
import { unlessRunningElsewhere, type Store } from './connection';

/** This process, as the `job_run` table names it. */
export const instanceName = `${hostname()}:${process.pid}`;

/**
 * Runs the background job `job` for `slot` (say, one hour) unless some instance already has: the
 * slot's row in `job_run` is claimed first, under an advisory lock on PostgreSQL so two instances
 * never run the job side by side. Returns the job's result, or null when it was not this one's turn.
 */
export async function runOnce<T>(
	store: Store,
	job: string,
	slot: string,
	now: Date,
	work: () => Promise<T>
): Promise<T | null> {
	const ran = await unlessRunningElsewhere(store, `job:${job}`, async () => {
		const claimed = await store
			.insertInto('job_run')
			.values({ job, slot, instance: instanceName, ran_at: now.toISOString() })
			.onConflict((c) => c.doNothing())
			.executeTakeFirst();
		if (Number(claimed.numInsertedOrUpdatedRows ?? 0) !== 1) return { turn: false as const };
		return { turn: true as const, value: await work() };
	});
	return ran?.turn ? ran.value : null;
}

/** Who ran `job` in which slots, oldest first. */
export async function jobRunsOf(store: Store, job: string) {
	return store.selectFrom('job_run').selectAll().where('job', '=', job).orderBy('slot').execute();
}

/** Forgets runs before `slot`, so the table stays small. */
export async function deleteJobRunsBefore(store: Store, slot: string): Promise<void> {
	await store.deleteFrom('job_run').where('slot', '<', slot).execute();
}

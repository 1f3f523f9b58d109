import type { Kysely, Migration } from 'kysely';

/**
 * One row per run of a background job per time slot (the retention purge: one per hour), so that
 * with several instances on one database the job runs once per slot, not once per instance.
 */
export const jobRuns: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema
			.createTable('job_run')
			.addColumn('job', 'text', (c) => c.notNull())
			.addColumn('slot', 'text', (c) => c.notNull())
			// Which instance ran it (host and process id), for an operator reading the table.
			.addColumn('instance', 'text', (c) => c.notNull())
			.addColumn('ran_at', 'text', (c) => c.notNull())
			.addPrimaryKeyConstraint('job_run_pk', ['job', 'slot'])
			.execute();
	}
};

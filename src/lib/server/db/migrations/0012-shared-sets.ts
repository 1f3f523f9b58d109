import type { Kysely, Migration } from 'kysely';

/**
 * When a teacher shared an article and its questions with the other teachers of the server, read
 * only; null while it is not shared.
 */
export const sharedSets: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema.alterTable('authored_article').addColumn('shared_at', 'text').execute();
	}
};

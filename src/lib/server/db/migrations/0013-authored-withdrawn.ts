import type { Kysely, Migration } from 'kysely';

/**
 * When a teacher deleted an article or a question that students had already been asked: its rows
 * stay, so their plays and assignments keep grading and showing it, but nothing new offers it.
 * Null while it is live; an unused one is deleted for good instead.
 */
export const authoredWithdrawn: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema.alterTable('authored_article').addColumn('deleted_at', 'text').execute();
		await db.schema.alterTable('authored_question').addColumn('deleted_at', 'text').execute();
	}
};

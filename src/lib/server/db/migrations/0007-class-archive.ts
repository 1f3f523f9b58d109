import type { Kysely, Migration } from 'kysely';

/** When a teacher put a class away; null while it is in use. */
export const classArchive: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema.alterTable('class').addColumn('archived_at', 'text').execute();
	}
};

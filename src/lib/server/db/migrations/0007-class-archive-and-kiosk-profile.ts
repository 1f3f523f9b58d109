import type { Kysely, Migration } from 'kysely';

/**
 * When a teacher put a class away (null while it is in use); when a kiosk's screen last checked in
 * (null until its first heartbeat); and the hardest difficulty and the question types a kiosk's
 * rounds draw (existing kiosks keep drawing every difficulty and type: 3 and null).
 */
export const classArchiveAndKioskProfile: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema.alterTable('class').addColumn('archived_at', 'text').execute();
		await db.schema.alterTable('kiosk').addColumn('last_seen_at', 'text').execute();
		await db.schema
			.alterTable('kiosk')
			.addColumn('max_difficulty', 'integer', (c) => c.notNull().defaultTo(3))
			.execute();
		await db.schema.alterTable('kiosk').addColumn('question_types', 'text').execute();
	}
};

import type { Kysely, Migration } from 'kysely';

/**
 * When a teacher put a class away (null while it is in use), and when a kiosk's screen last
 * checked in (null until its first heartbeat).
 */
export const classArchiveAndKioskHeartbeat: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema.alterTable('class').addColumn('archived_at', 'text').execute();
		await db.schema.alterTable('kiosk').addColumn('last_seen_at', 'text').execute();
	}
};

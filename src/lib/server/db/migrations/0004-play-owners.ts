import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A play's owner becomes data: an assignment, a kiosk, or neither (a quiz from the home page),
 * in typed columns with foreign keys, instead of a prefix on `quiz_id`. Deleting the owner
 * deletes its plays. Answers keep the grade they were given, so feedback never grades again.
 */
export const playOwners: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema
			.alterTable('play')
			.addColumn('assignment_id', 'text', (c) => c.references('assignment.id').onDelete('cascade'))
			.execute();
		await db.schema
			.alterTable('play')
			.addColumn('kiosk_id', 'text', (c) => c.references('kiosk.id').onDelete('cascade'))
			.execute();
		// Plays whose owner is already gone could never be opened again: they go.
		await sql`DELETE FROM play WHERE (quiz_id LIKE 'assignment:%'
			AND substr(quiz_id, 12) NOT IN (SELECT id FROM assignment))
			OR (quiz_id LIKE 'kiosk:%' AND substr(quiz_id, 7) NOT IN (SELECT id FROM kiosk))`.execute(db);
		await sql`UPDATE play SET assignment_id = substr(quiz_id, 12), quiz_id = 'assignment'
			WHERE quiz_id LIKE 'assignment:%'`.execute(db);
		await sql`UPDATE play SET kiosk_id = substr(quiz_id, 7), quiz_id = 'kiosk'
			WHERE quiz_id LIKE 'kiosk:%'`.execute(db);
		await db.schema.dropIndex('play_by_quiz').execute();
		await db.schema.createIndex('play_by_assignment').on('play').column('assignment_id').execute();
		await db.schema.createIndex('play_by_kiosk').on('play').column('kiosk_id').execute();
		await db.schema.alterTable('answer').addColumn('grade', 'text').execute();
	}
};

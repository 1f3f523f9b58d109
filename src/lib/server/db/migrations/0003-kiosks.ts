import type { Kysely, Migration } from 'kysely';

export const kiosks: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema
			.createTable('kiosk')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('teacher_id', 'text', (c) =>
				c.notNull().references('teacher.id').onDelete('cascade')
			)
			.addColumn('title', 'text', (c) => c.notNull())
			// The SHA-256 of the kiosk URL's token: a copy of the database opens no screen.
			.addColumn('token_hash', 'text', (c) => c.notNull().unique())
			.addColumn('quiz_ids', 'text', (c) => c.notNull())
			.addColumn('round_size', 'integer', (c) => c.notNull())
			.addColumn('idle_seconds', 'integer', (c) => c.notNull())
			.addColumn('leaderboard', 'integer', (c) => c.notNull())
			.addColumn('revoked_at', 'text')
			.addColumn('created_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema.createIndex('kiosk_by_teacher').on('kiosk').column('teacher_id').execute();
		await db.schema
			.createTable('leaderboard_entry')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('kiosk_id', 'text', (c) => c.notNull().references('kiosk.id').onDelete('cascade'))
			// The round the score comes from; unique, so one round reaches the board once. No foreign
			// key: the round itself is deleted once it is over, and the entry stays.
			.addColumn('play_id', 'text', (c) => c.notNull().unique())
			.addColumn('day', 'text', (c) => c.notNull())
			.addColumn('initials', 'text', (c) => c.notNull())
			.addColumn('score', 'integer', (c) => c.notNull())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('leaderboard_by_kiosk_day')
			.on('leaderboard_entry')
			.columns(['kiosk_id', 'day', 'score'])
			.execute();
		// Kiosk rounds are found by their quiz id (`kiosk:<id>`) to discard and purge them.
		await db.schema.createIndex('play_by_quiz').on('play').column('quiz_id').execute();
	}
};

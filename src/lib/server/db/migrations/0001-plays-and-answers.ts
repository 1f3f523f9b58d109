import type { Kysely, Migration } from 'kysely';

export const playsAndAnswers: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema
			.createTable('play')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('quiz_id', 'text', (c) => c.notNull())
			.addColumn('question_ids', 'text', (c) => c.notNull())
			.addColumn('seed', 'text', (c) => c.notNull())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('finished_at', 'text')
			.execute();
		await db.schema
			.createTable('answer')
			.addColumn('play_id', 'text', (c) => c.notNull().references('play.id').onDelete('cascade'))
			.addColumn('position', 'integer', (c) => c.notNull())
			.addColumn('question_id', 'text', (c) => c.notNull())
			.addColumn('response', 'text', (c) => c.notNull())
			// Double precision: a double on SQLite too, and not PostgreSQL's 4-byte `real`.
			.addColumn('credit', 'double precision', (c) => c.notNull())
			.addColumn('points', 'integer', (c) => c.notNull())
			.addColumn('streak', 'integer', (c) => c.notNull())
			.addColumn('answered_at', 'text', (c) => c.notNull())
			// One answer per question per play, enforced by the store and not only by code.
			.addPrimaryKeyConstraint('answer_pk', ['play_id', 'position'])
			.addUniqueConstraint('answer_once_per_question', ['play_id', 'question_id'])
			.execute();
	}
};

import type { Kysely, Migration } from 'kysely';

/**
 * A teacher's own articles and questions. A question's text lives in versions: a version that a
 * student has answered is never changed again, so a stored play keeps the question it asked.
 */
export const authored: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema
			.createTable('authored_article')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('teacher_id', 'text', (c) =>
				c.notNull().references('teacher.id').onDelete('cascade')
			)
			.addColumn('headline', 'text', (c) => c.notNull())
			.addColumn('outlet', 'text', (c) => c.notNull())
			.addColumn('author', 'text', (c) => c.notNull())
			.addColumn('published', 'text', (c) => c.notNull())
			.addColumn('url', 'text', (c) => c.notNull())
			.addColumn('kind', 'text', (c) => c.notNull())
			.addColumn('body', 'text', (c) => c.notNull())
			// JSON array: the part of the page each non-empty line of `body` is (body, caption, promo…).
			.addColumn('parts', 'text', (c) => c.notNull())
			// The uploaded file as it came, kept for reference; null for pasted text.
			.addColumn('original', 'text')
			.addColumn('created_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('authored_article_by_teacher')
			.on('authored_article')
			.column('teacher_id')
			.execute();
		await db.schema
			.createTable('authored_question')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('article_id', 'text', (c) =>
				c.notNull().references('authored_article.id').onDelete('cascade')
			)
			// The version new assignments ask.
			.addColumn('version_id', 'text', (c) => c.notNull())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('authored_question_by_article')
			.on('authored_question')
			.column('article_id')
			.execute();
		await db.schema
			.createTable('authored_question_version')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('question_id', 'text', (c) =>
				c.notNull().references('authored_question.id').onDelete('cascade')
			)
			// JSON of the question in the bank's own shape; its `id` is this version's id.
			.addColumn('body', 'text', (c) => c.notNull())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema.createIndex('answer_by_question').on('answer').column('question_id').execute();
	}
};

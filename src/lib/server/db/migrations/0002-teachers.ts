import type { Kysely, Migration } from 'kysely';

export const teachers: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema
			.createTable('teacher')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('email', 'text', (c) => c.notNull().unique())
			.addColumn('display_name', 'text', (c) => c.notNull())
			.addColumn('password_hash', 'text', (c) => c.notNull())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createTable('teacher_session')
			// The SHA-256 of the cookie's token: a stolen database holds no usable session.
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('teacher_id', 'text', (c) =>
				c.notNull().references('teacher.id').onDelete('cascade')
			)
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('expires_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createTable('rate_limit')
			.addColumn('key', 'text', (c) => c.primaryKey())
			.addColumn('window_start', 'text', (c) => c.notNull())
			.addColumn('hits', 'integer', (c) => c.notNull())
			.execute();
		await db.schema
			.createTable('class')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('teacher_id', 'text', (c) =>
				c.notNull().references('teacher.id').onDelete('cascade')
			)
			.addColumn('name', 'text', (c) => c.notNull())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema.createIndex('class_by_teacher').on('class').column('teacher_id').execute();
		await db.schema
			.createTable('assignment')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('class_id', 'text', (c) => c.notNull().references('class.id').onDelete('cascade'))
			.addColumn('title', 'text', (c) => c.notNull())
			.addColumn('instructions', 'text', (c) => c.notNull())
			.addColumn('question_ids', 'text', (c) => c.notNull())
			.addColumn('question_order', 'text', (c) => c.notNull())
			.addColumn('feedback', 'text', (c) => c.notNull())
			.addColumn('attempts', 'integer', (c) => c.notNull())
			.addColumn('attempt_counts', 'text', (c) => c.notNull())
			.addColumn('opens_at', 'text')
			.addColumn('closes_at', 'text')
			.addColumn('time_limit_minutes', 'integer')
			.addColumn('join_code', 'text', (c) => c.notNull().unique())
			.addColumn('names', 'text', (c) => c.notNull())
			.addColumn('roster', 'text', (c) => c.notNull())
			.addColumn('closed_at', 'text')
			.addColumn('created_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('assignment_by_class')
			.on('assignment')
			.column('class_id')
			.execute();
		await db.schema
			.createTable('student')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('assignment_id', 'text', (c) =>
				c.notNull().references('assignment.id').onDelete('cascade')
			)
			.addColumn('display_name', 'text', (c) => c.notNull())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('last_active_at', 'text', (c) => c.notNull())
			.addUniqueConstraint('student_name_once', ['assignment_id', 'display_name'])
			.execute();
		await db.schema
			.alterTable('play')
			.addColumn('student_id', 'text', (c) => c.references('student.id').onDelete('cascade'))
			.execute();
		await db.schema.alterTable('play').addColumn('attempt', 'integer').execute();
		await db.schema.alterTable('play').addColumn('deadline_at', 'text').execute();
		await db.schema
			.alterTable('play')
			.addColumn('feedback', 'text', (c) => c.notNull().defaultTo('each'))
			.execute();
		await db.schema.createIndex('play_by_student').on('play').column('student_id').execute();
	}
};

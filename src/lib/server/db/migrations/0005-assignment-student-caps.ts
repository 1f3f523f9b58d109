import type { Kysely, Migration } from 'kysely';

/** A row only for assignments whose teacher raised (or lowered) the cap on students. */
export const assignmentStudentCaps: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema
			.createTable('assignment_student_cap')
			.addColumn('assignment_id', 'text', (c) =>
				c.primaryKey().references('assignment.id').onDelete('cascade')
			)
			.addColumn('max_students', 'integer', (c) => c.notNull())
			.execute();
	}
};

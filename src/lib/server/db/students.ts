import type { Selectable } from 'kysely';
import type { Store } from './connection';
import type { StudentTable } from './schema';

export type StudentRow = Selectable<StudentTable>;

export async function namesTaken(store: Store, assignmentId: string): Promise<string[]> {
	const rows = await store
		.selectFrom('student')
		.select('display_name')
		.where('assignment_id', '=', assignmentId)
		.execute();
	return rows.map((r) => r.display_name);
}

/** Inserts a student; false when the name was taken meanwhile (the caller tries another). */
export async function insertStudent(store: Store, student: StudentRow): Promise<boolean> {
	const inserted = await store
		.insertInto('student')
		.values(student)
		.onConflict((c) => c.doNothing())
		.executeTakeFirst();
	return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function findStudentOfAssignment(
	store: Store,
	assignmentId: string,
	studentId: string
): Promise<StudentRow | undefined> {
	return store
		.selectFrom('student')
		.selectAll()
		.where('id', '=', studentId)
		.where('assignment_id', '=', assignmentId)
		.executeTakeFirst();
}

export async function listStudentsOfAssignment(
	store: Store,
	assignmentId: string
): Promise<StudentRow[]> {
	return store
		.selectFrom('student')
		.selectAll()
		.where('assignment_id', '=', assignmentId)
		.orderBy('display_name')
		.execute();
}

/** How many students joined each of the given assignments. */
export async function countStudents(
	store: Store,
	assignmentIds: string[]
): Promise<Map<string, number>> {
	if (assignmentIds.length === 0) return new Map();
	const rows = await store
		.selectFrom('student')
		.select(({ fn }) => ['assignment_id', fn.countAll<number>().as('students')])
		.where('assignment_id', 'in', assignmentIds)
		.groupBy('assignment_id')
		.execute();
	return new Map(rows.map((r) => [r.assignment_id, Number(r.students)]));
}

export async function deleteStudentRow(store: Store, studentId: string): Promise<void> {
	await store.deleteFrom('student').where('id', '=', studentId).execute();
}

/** Deletes students not active since `cutoff` (their plays and answers cascade); how many went. */
export async function deleteStudentsInactiveSince(store: Store, cutoff: string): Promise<number> {
	const result = await store
		.deleteFrom('student')
		.where('last_active_at', '<', cutoff)
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

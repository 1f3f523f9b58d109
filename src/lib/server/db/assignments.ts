import type { Insertable, Selectable } from 'kysely';
import { statement, type Store } from './connection';
import type { AssignmentTable } from './schema';

export type Assignment = Selectable<AssignmentTable>;
export type OwnAssignment = Assignment & { class_name: string };

/** Inserts an assignment; false when its join code is already taken (the caller draws again). */
export async function insertAssignment(
	store: Store,
	row: Insertable<AssignmentTable>
): Promise<boolean> {
	const inserted = await store
		.insertInto('assignment')
		.values(row)
		.onConflict((c) => c.column('join_code').doNothing())
		.executeTakeFirst();
	return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function listAssignmentsOfClass(store: Store, classId: string): Promise<Assignment[]> {
	return store
		.selectFrom('assignment')
		.selectAll()
		.where('class_id', '=', classId)
		.orderBy('created_at', 'desc')
		.execute();
}

/** The assignment with its class name if the class is this teacher's; undefined otherwise. */
export async function findAssignmentOfTeacher(
	store: Store,
	teacherId: string,
	assignmentId: string
): Promise<OwnAssignment | undefined> {
	return store
		.selectFrom('assignment')
		.innerJoin('class', 'class.id', 'assignment.class_id')
		.selectAll('assignment')
		.select('class.name as class_name')
		.where('assignment.id', '=', assignmentId)
		.where('class.teacher_id', '=', teacherId)
		.executeTakeFirst();
}

export async function findAssignmentByJoinCode(
	store: Store,
	code: string
): Promise<Assignment | undefined> {
	return store
		.selectFrom('assignment')
		.selectAll()
		.where('join_code', '=', code)
		.executeTakeFirst();
}

/** Synchronous, so a play's source can be read inside the answer's transaction. */
export function findAssignmentById(store: Store, id: string): Assignment | undefined {
	return statement(store, 'SELECT * FROM assignment WHERE id = ?').get(id) as
		Assignment | undefined;
}

/** `findAssignmentById` on either store, for PostgreSQL's answer transaction. */
export async function readAssignmentById(
	store: Store,
	id: string
): Promise<Assignment | undefined> {
	return store.selectFrom('assignment').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function setAssignmentClosed(
	store: Store,
	id: string,
	closedAt: string | null
): Promise<void> {
	let query = store.updateTable('assignment').set({ closed_at: closedAt }).where('id', '=', id);
	if (closedAt !== null) query = query.where('closed_at', 'is', null);
	await query.execute();
}

export async function deleteAssignmentRow(store: Store, id: string): Promise<void> {
	await store.deleteFrom('assignment').where('id', '=', id).execute();
}

import type { Insertable, Selectable } from 'kysely';
import type { Store } from './connection';
import type { ClassTable } from './schema';

export type ClassRow = Selectable<ClassTable>;

/** A teacher's classes, newest first, with how many assignments each has. */
export async function listClassesOfTeacher(store: Store, teacherId: string) {
	const rows = await store
		.selectFrom('class')
		.leftJoin('assignment', 'assignment.class_id', 'class.id')
		.select(({ fn }) => [
			'class.id',
			'class.name',
			'class.created_at',
			'class.archived_at',
			fn.count<number>('assignment.id').as('assignments')
		])
		.where('class.teacher_id', '=', teacherId)
		.groupBy(['class.id', 'class.name', 'class.created_at', 'class.archived_at'])
		.orderBy('class.created_at', 'desc')
		.execute();
	return rows.map((r) => ({ ...r, assignments: Number(r.assignments) }));
}

export async function insertClass(store: Store, row: Insertable<ClassTable>): Promise<void> {
	await store.insertInto('class').values(row).execute();
}

export async function findClassOfTeacher(
	store: Store,
	teacherId: string,
	classId: string
): Promise<ClassRow | undefined> {
	return store
		.selectFrom('class')
		.selectAll()
		.where('id', '=', classId)
		.where('teacher_id', '=', teacherId)
		.executeTakeFirst();
}

/** Deletes the class if it is this teacher's; false when there was none to delete. */
export async function deleteClassOfTeacher(
	store: Store,
	teacherId: string,
	classId: string
): Promise<boolean> {
	const result = await store
		.deleteFrom('class')
		.where('id', '=', classId)
		.where('teacher_id', '=', teacherId)
		.executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}

/**
 * Renames, archives (a time) or restores (null) the class if it is this teacher's; false when
 * there was none.
 */
export async function updateClassOfTeacher(
	store: Store,
	teacherId: string,
	classId: string,
	changes: { name: string } | { archived_at: string | null }
): Promise<boolean> {
	const result = await store
		.updateTable('class')
		.set(changes)
		.where('id', '=', classId)
		.where('teacher_id', '=', teacherId)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

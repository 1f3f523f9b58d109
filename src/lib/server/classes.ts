import { visibleText } from '$lib/plain-text';
import { randomBytes } from 'node:crypto';
import type { App } from './app';

export interface ClassSummary {
	id: string;
	name: string;
	assignments: number;
	createdAt: string;
}

export async function listClasses(app: App, teacherId: string): Promise<ClassSummary[]> {
	const rows = await app.store
		.selectFrom('class')
		.leftJoin('assignment', 'assignment.class_id', 'class.id')
		.select(({ fn }) => [
			'class.id',
			'class.name',
			'class.created_at',
			fn.count<number>('assignment.id').as('assignments')
		])
		.where('class.teacher_id', '=', teacherId)
		.groupBy(['class.id', 'class.name', 'class.created_at'])
		.orderBy('class.created_at', 'desc')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		name: r.name,
		assignments: Number(r.assignments),
		createdAt: r.created_at
	}));
}

export type NameResult = { ok: true; id: string } | { ok: false; message: string };

export async function createClass(
	app: App,
	teacherId: string,
	nameInput: string,
	now: Date
): Promise<NameResult> {
	const name = visibleText(nameInput);
	if (!name)
		return { ok: false, message: 'Give the class a name, such as "Year 9 English, period 3".' };
	if (name.length > 80) return { ok: false, message: 'Keep the class name under 80 characters.' };
	const id = randomBytes(12).toString('base64url');
	await app.store
		.insertInto('class')
		.values({ id, teacher_id: teacherId, name, created_at: now.toISOString() })
		.execute();
	return { ok: true, id };
}

/** The class if this teacher owns it; null otherwise, so a foreign class is a plain 404. */
export async function findOwnClass(app: App, teacherId: string, classId: string) {
	return app.store
		.selectFrom('class')
		.selectAll()
		.where('id', '=', classId)
		.where('teacher_id', '=', teacherId)
		.executeTakeFirst();
}

/** Deletes the class with its assignments, students, plays and answers (foreign keys cascade). */
export async function deleteClass(app: App, teacherId: string, classId: string): Promise<boolean> {
	const result = await app.store
		.deleteFrom('class')
		.where('id', '=', classId)
		.where('teacher_id', '=', teacherId)
		.executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}

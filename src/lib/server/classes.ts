import { visibleText } from '$lib/plain-text';
import { randomBytes } from 'node:crypto';
import type { App } from './app';
import {
	deleteClassOfTeacher,
	findClassOfTeacher,
	insertClass,
	listClassesOfTeacher
} from './db/classes';

export interface ClassSummary {
	id: string;
	name: string;
	assignments: number;
	createdAt: string;
}

export async function listClasses(app: App, teacherId: string): Promise<ClassSummary[]> {
	const rows = await listClassesOfTeacher(app.store, teacherId);
	return rows.map((r) => ({
		id: r.id,
		name: r.name,
		assignments: r.assignments,
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
	await insertClass(app.store, { id, teacher_id: teacherId, name, created_at: now.toISOString() });
	return { ok: true, id };
}

/** The class if this teacher owns it; null otherwise, so a foreign class is a plain 404. */
export async function findOwnClass(app: App, teacherId: string, classId: string) {
	return findClassOfTeacher(app.store, teacherId, classId);
}

/** Deletes the class with its assignments, students, plays and answers (foreign keys cascade). */
export async function deleteClass(app: App, teacherId: string, classId: string): Promise<boolean> {
	return deleteClassOfTeacher(app.store, teacherId, classId);
}

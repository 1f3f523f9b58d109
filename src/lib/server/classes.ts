import { visibleText } from '$lib/plain-text';
import { randomBytes } from 'node:crypto';
import type { App } from './app';
import { listAssignmentsOfClass } from './db/assignments';
import {
	deleteClassOfTeacher,
	findClassOfTeacher,
	insertClass,
	listClassesOfTeacher,
	updateClassOfTeacher
} from './db/classes';

export interface ClassSummary {
	id: string;
	name: string;
	assignments: number;
	createdAt: string;
	archivedAt: string | null;
}

export async function listClasses(app: App, teacherId: string): Promise<ClassSummary[]> {
	const rows = await listClassesOfTeacher(app.store, teacherId);
	return rows.map((r) => ({
		id: r.id,
		name: r.name,
		assignments: r.assignments,
		createdAt: r.created_at,
		archivedAt: r.archived_at
	}));
}

function className(input: string): { ok: true; name: string } | { ok: false; message: string } {
	const name = visibleText(input);
	if (!name)
		return { ok: false, message: 'Give the class a name, such as "Year 9 English, period 3".' };
	if (name.length > 80) return { ok: false, message: 'Keep the class name under 80 characters.' };
	return { ok: true, name };
}

export type NameResult = { ok: true; id: string } | { ok: false; message: string };

export async function createClass(
	app: App,
	teacherId: string,
	nameInput: string,
	now: Date
): Promise<NameResult> {
	const checked = className(nameInput);
	if (!checked.ok) return checked;
	const name = checked.name;
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

export async function renameClass(
	app: App,
	teacherId: string,
	classId: string,
	nameInput: string
): Promise<{ ok: true } | { ok: false; message: string }> {
	const checked = className(nameInput);
	if (!checked.ok) return checked;
	await updateClassOfTeacher(app.store, teacherId, classId, { name: checked.name });
	return { ok: true };
}

/**
 * Archives the class (`now`) or restores it (null). While archived, its assignments are closed to
 * students: nobody joins, starts or answers; every answer and name is kept. Their cached settings
 * are forgotten so the change counts at once.
 */
export async function archiveClass(
	app: App,
	teacherId: string,
	classId: string,
	now: Date | null
): Promise<boolean> {
	const changed = await updateClassOfTeacher(app.store, teacherId, classId, {
		archived_at: now?.toISOString() ?? null
	});
	for (const a of await listAssignmentsOfClass(app.store, classId))
		app.sources.assignment.forget(a.id);
	return changed;
}

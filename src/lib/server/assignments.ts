import { randomBytes, randomInt } from 'node:crypto';
import { estimateMinutes, type Quiz } from '$lib/quiz/catalogue';
import type { AssignmentSettings } from '$lib/teach/assignment-settings';
import { makeJoinCode } from '$lib/teach/join-code';
import { formatTime } from '$lib/teach/time';
import type { App } from './app';
import type { LoadedBank } from './bank';
import { config } from './config';
import {
	deleteAssignmentRow,
	findAssignmentById,
	readAssignmentById,
	findAssignmentByJoinCode,
	findAssignmentOfTeacher,
	insertAssignment,
	listAssignmentsOfClass,
	setAssignmentClosed,
	type Assignment
} from './db/assignments';
import { countStudents } from './db/students';
import { cachedSource, type PlaySource, type PlaySourceKind } from './play-sources';

export type { Assignment } from './db/assignments';

export function questionIdsOf(a: Assignment): string[] {
	return JSON.parse(a.question_ids) as string[];
}

export function rosterOf(a: Assignment): string[] {
	return JSON.parse(a.roster) as string[];
}

/** Why an assignment takes no answers now, or null when it is open. */
export function closedReason(a: Assignment, now: Date): string | null {
	if (a.closed_at) return 'Your teacher has closed this assignment, so it takes no more answers.';
	if (a.closes_at && new Date(a.closes_at) <= now)
		return `This assignment closed at ${formatTime(a.closes_at, config.timeZone)}.`;
	if (a.opens_at && new Date(a.opens_at) > now)
		return `This assignment opens at ${formatTime(a.opens_at, config.timeZone)}.`;
	return null;
}

export async function createAssignment(
	app: App,
	classId: string,
	settings: AssignmentSettings,
	questionIds: string[],
	now: Date
): Promise<string> {
	const id = randomBytes(12).toString('base64url');
	// Join codes are unique in the store; on the rare clash, draw again.
	for (let tries = 0; ; tries++) {
		const inserted = await insertAssignment(app.store, {
			id,
			class_id: classId,
			title: settings.title,
			instructions: settings.instructions,
			question_ids: JSON.stringify(questionIds),
			question_order: settings.questionOrder,
			feedback: settings.feedback,
			attempts: settings.attempts,
			attempt_counts: settings.attemptCounts,
			opens_at: settings.opensAt?.toISOString() ?? null,
			closes_at: settings.closesAt?.toISOString() ?? null,
			time_limit_minutes: settings.timeLimitMinutes,
			join_code: makeJoinCode(randomInt),
			names: settings.names,
			roster: JSON.stringify(settings.roster),
			closed_at: null,
			created_at: now.toISOString()
		});
		if (inserted) return id;
		if (tries > 20) throw new Error('could not find a free join code');
	}
}

export async function listAssignments(app: App, classId: string): Promise<Assignment[]> {
	return listAssignmentsOfClass(app.store, classId);
}

/** The assignment if it belongs to one of this teacher's classes; null otherwise (a 404). */
export async function findOwnAssignment(app: App, teacherId: string, assignmentId: string) {
	return findAssignmentOfTeacher(app.store, teacherId, assignmentId);
}

export async function findAssignmentByCode(
	app: App,
	code: string
): Promise<Assignment | undefined> {
	return findAssignmentByJoinCode(app.store, code);
}

export async function findAssignment(app: App, id: string): Promise<Assignment | undefined> {
	return readAssignmentById(app.store, id);
}

export async function closeAssignment(app: App, id: string, now: Date): Promise<void> {
	await setAssignmentClosed(app.store, id, now.toISOString());
	app.sources.assignment.forget(id);
}

export async function reopenAssignment(app: App, id: string): Promise<void> {
	await setAssignmentClosed(app.store, id, null);
	app.sources.assignment.forget(id);
}

/** Deletes the assignment with its students, plays and answers (foreign keys cascade). */
export async function deleteAssignment(app: App, id: string): Promise<void> {
	await deleteAssignmentRow(app.store, id);
	app.sources.assignment.forget(id);
}

export function assignmentQuiz(bank: LoadedBank, a: Assignment): Quiz {
	const ids = questionIdsOf(a);
	const questions = ids.map((id) => bank.question.get(id)).filter((q) => q !== undefined);
	return {
		id: `assignment-${a.id}`,
		title: a.title,
		blurb: a.instructions,
		group: 'assignment',
		questionIds: ids,
		size: ids.length,
		minutes: estimateMinutes(questions)
	};
}

/** Attempts at an assignment: its quiz, its join page as the way home, open while it is open. */
export function assignmentSource(bank: LoadedBank): PlaySourceKind {
	const sourceOf = (a: Assignment | undefined): PlaySource | null =>
		a
			? {
					quiz: assignmentQuiz(bank, a),
					home: `/join/${a.join_code}`,
					closed: (now) => closedReason(a, now)
				}
			: null;
	return cachedSource(
		(store, id) => sourceOf(findAssignmentById(store, id)),
		async (store, id) => sourceOf(await readAssignmentById(store, id))
	);
}

/** How many students joined each assignment. */
export async function studentCounts(
	app: App,
	assignments: Assignment[]
): Promise<Map<string, number>> {
	return countStudents(
		app.store,
		assignments.map((a) => a.id)
	);
}

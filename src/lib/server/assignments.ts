import { randomBytes, randomInt } from 'node:crypto';
import { estimateMinutes, type Quiz } from '$lib/quiz/catalogue';
import type { AssignmentSettings } from '$lib/teach/assignment-settings';
import { makeJoinCode } from '$lib/teach/join-code';
import { seededRandom, shuffled } from '$lib/quiz/random';
import { formatTime } from '$lib/teach/time';
import type { App } from './app';
import type { LoadedBank } from './bank';
import { config } from './config';
import {
	assignmentHasAnswers,
	deleteAssignmentRow,
	readAssignmentById,
	findAssignmentByJoinCode,
	findAssignmentOfTeacher,
	insertAssignment,
	listAssignmentsOfClass,
	replaceQuestionsWhileUnanswered,
	replaceQuestionsWhileUnansweredAsync,
	setAssignmentClosed,
	updateAssignmentSettings,
	type Assignment,
	type AssignmentSettingsRow
} from './db/assignments';
import { findClassOfTeacher } from './db/classes';
import { inGroupCommit, storeKind } from './db/connection';
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
	if (a.closed_at || a.class_archived_at)
		return 'Your teacher has closed this assignment, so it takes no more answers.';
	if (a.closes_at && new Date(a.closes_at) <= now)
		return `This assignment closed at ${formatTime(a.closes_at, config.timeZone)}.`;
	if (a.opens_at && new Date(a.opens_at) > now)
		return `This assignment opens at ${formatTime(a.opens_at, config.timeZone)}.`;
	return null;
}

/** The settings columns of an assignment row, from the settings form. */
function settingsRow(settings: AssignmentSettings): AssignmentSettingsRow {
	return {
		title: settings.title,
		instructions: settings.instructions,
		question_order: settings.questionOrder,
		feedback: settings.feedback,
		reveal: settings.reveal,
		attempts: settings.attempts,
		attempt_counts: settings.attemptCounts,
		opens_at: settings.opensAt?.toISOString() ?? null,
		closes_at: settings.closesAt?.toISOString() ?? null,
		time_limit_minutes: settings.timeLimitMinutes,
		names: settings.names,
		roster: JSON.stringify(settings.roster)
	};
}

/** The assignment's settings as the settings form holds them. */
export function settingsOf(a: Assignment): AssignmentSettings {
	return {
		title: a.title,
		instructions: a.instructions,
		questionOrder: a.question_order,
		feedback: a.feedback,
		reveal: a.reveal,
		attempts: a.attempts,
		attemptCounts: a.attempt_counts,
		opensAt: a.opens_at ? new Date(a.opens_at) : null,
		closesAt: a.closes_at ? new Date(a.closes_at) : null,
		timeLimitMinutes: a.time_limit_minutes,
		names: a.names,
		roster: rosterOf(a)
	};
}

/** The order in which one student's attempt asks the questions: shuffled per student and attempt, if so set. */
export function attemptOrder(
	a: Pick<Assignment, 'question_order'>,
	questionIds: string[],
	studentId: string,
	attempt: number
): string[] {
	return a.question_order === 'shuffled'
		? shuffled(questionIds, seededRandom(`${studentId}:${attempt}`))
		: questionIds;
}

/** The questions are fixed once a student has answered one (scores are kept with the answers). */
export async function questionsLocked(app: App, assignmentId: string): Promise<boolean> {
	return assignmentHasAnswers(app.store, assignmentId);
}

export type QuestionsChange = { ok: true } | { ok: false; message: string };

export const QUESTIONS_LOCKED =
	'The questions can no longer change: a student has already answered. Students’ answers are kept, so their scores would no longer match the questions. You can still change the settings, or make a copy with other questions.';

/**
 * Saves new settings, and new questions (when given) only while no answer is stored. Plays
 * already begun keep their time limit and feedback; their questions follow the new list.
 */
export async function updateAssignment(
	app: App,
	a: Assignment,
	settings: AssignmentSettings,
	questionIds: string[] | null
): Promise<QuestionsChange> {
	await updateAssignmentSettings(app.store, a.id, settingsRow(settings));
	app.sources.assignment.forget(a.id);
	if (!questionIds) return { ok: true };
	const order = { question_order: settings.questionOrder };
	const orderFor = (play: { student_id: string | null; attempt: number | null }) =>
		attemptOrder(order, questionIds, play.student_id ?? '', play.attempt ?? 1);
	const replaced =
		storeKind(app.store) === 'postgres'
			? await replaceQuestionsWhileUnansweredAsync(app.store, a.id, questionIds, orderFor)
			: await inGroupCommit(app.store, () =>
					replaceQuestionsWhileUnanswered(app.store, a.id, questionIds, orderFor)
				);
	app.sources.assignment.forget(a.id);
	return replaced ? { ok: true } : { ok: false, message: QUESTIONS_LOCKED };
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
			...settingsRow(settings),
			question_ids: JSON.stringify(questionIds),
			join_code: makeJoinCode(randomInt),
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
					closed: (now) => closedReason(a, now),
					reveal: { when: a.reveal, attempts: a.attempts }
				}
			: null;
	return cachedSource(async (store, id) => sourceOf(await readAssignmentById(store, id)));
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

/**
 * A copy of the assignment, its settings and questions, in another of this teacher's classes (or
 * the same one): a new join code, open, with no students and no plays.
 */
export async function duplicateAssignment(
	app: App,
	teacherId: string,
	a: Assignment,
	targetClassId: string,
	now: Date
): Promise<{ ok: true; id: string } | { ok: false; message: string }> {
	const target = await findClassOfTeacher(app.store, teacherId, targetClassId);
	if (!target) return { ok: false, message: 'Choose one of your classes to copy it into.' };
	const id = await createAssignment(app, target.id, settingsOf(a), questionIdsOf(a), now);
	return { ok: true, id };
}

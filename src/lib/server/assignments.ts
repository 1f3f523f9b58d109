import { randomBytes, randomInt } from 'node:crypto';
import type { Selectable } from 'kysely';
import { estimateMinutes, type Quiz } from '$lib/quiz/catalogue';
import type { AssignmentSettings } from '$lib/teach/assignment-settings';
import { makeJoinCode } from '$lib/teach/join-code';
import { formatTime } from '$lib/teach/time';
import type { App } from './app';
import { config } from './config';
import type { AssignmentTable } from './db/schema';
import { ASSIGNMENT_PREFIX, type PlaySource } from './play-sources';

export type Assignment = Selectable<AssignmentTable>;

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
		const joinCode = makeJoinCode(randomInt);
		const inserted = await app.store
			.insertInto('assignment')
			.values({
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
				join_code: joinCode,
				names: settings.names,
				roster: JSON.stringify(settings.roster),
				closed_at: null,
				created_at: now.toISOString()
			})
			.onConflict((c) => c.column('join_code').doNothing())
			.executeTakeFirst();
		if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return id;
		if (tries > 20) throw new Error('could not find a free join code');
	}
}

export async function listAssignments(app: App, classId: string): Promise<Assignment[]> {
	return app.store
		.selectFrom('assignment')
		.selectAll()
		.where('class_id', '=', classId)
		.orderBy('created_at', 'desc')
		.execute();
}

/** The assignment if it belongs to one of this teacher's classes; null otherwise (a 404). */
export async function findOwnAssignment(app: App, teacherId: string, assignmentId: string) {
	return app.store
		.selectFrom('assignment')
		.innerJoin('class', 'class.id', 'assignment.class_id')
		.selectAll('assignment')
		.select('class.name as class_name')
		.where('assignment.id', '=', assignmentId)
		.where('class.teacher_id', '=', teacherId)
		.executeTakeFirst();
}

export async function findAssignmentByCode(
	app: App,
	code: string
): Promise<Assignment | undefined> {
	return app.store
		.selectFrom('assignment')
		.selectAll()
		.where('join_code', '=', code)
		.executeTakeFirst();
}

export async function findAssignment(app: App, id: string): Promise<Assignment | undefined> {
	return app.store.selectFrom('assignment').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function closeAssignment(app: App, id: string, now: Date): Promise<void> {
	await app.store
		.updateTable('assignment')
		.set({ closed_at: now.toISOString() })
		.where('id', '=', id)
		.where('closed_at', 'is', null)
		.execute();
}

export async function reopenAssignment(app: App, id: string): Promise<void> {
	await app.store.updateTable('assignment').set({ closed_at: null }).where('id', '=', id).execute();
}

/** Deletes the assignment with its students, plays and answers (foreign keys cascade). */
export async function deleteAssignment(app: App, id: string): Promise<void> {
	await app.store.deleteFrom('assignment').where('id', '=', id).execute();
}

export function assignmentQuiz(app: App, a: Assignment): Quiz {
	const ids = questionIdsOf(a);
	const questions = ids.map((id) => app.bank.question.get(id)).filter((q) => q !== undefined);
	return {
		id: ASSIGNMENT_PREFIX + a.id,
		title: a.title,
		blurb: a.instructions,
		group: 'assignment',
		questionIds: ids,
		size: ids.length,
		minutes: estimateMinutes(questions)
	};
}

export async function assignmentPlaySource(
	app: App,
	assignmentId: string,
	now: Date
): Promise<PlaySource | null> {
	const a = await findAssignment(app, assignmentId);
	if (!a) return null;
	return {
		quiz: assignmentQuiz(app, a),
		home: `/join/${a.join_code}`,
		closedMessage: closedReason(a, now)
	};
}

import { randomBytes, randomInt } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import { anonymousName, cleanName, distinctName, isOffensiveName } from '$lib/teach/names';
import type { App } from './app';
import { Play } from '$lib/quiz/play';
import {
	assignmentQuiz,
	attemptOrder,
	closedReason,
	questionIdsOf,
	rosterOf,
	type Assignment
} from './assignments';
import { deletePlaysOfStudent, loadPlaysOfStudent } from './db/plays';
import {
	deleteStudentRow,
	findStudentOfAssignment,
	insertStudent,
	listStudentsOfAssignment,
	namesTaken
} from './db/students';
import { startPlay } from './plays';

const cookieName = (assignmentId: string) => `byline_student_${assignmentId}`;

export interface Student {
	id: string;
	assignment_id: string;
	display_name: string;
	created_at: string;
	last_active_at: string;
}

export interface Attempt {
	playId: string;
	attempt: number;
	finished: boolean;
	createdAt: string;
	play: Play;
}

export type JoinResult = { ok: true; student: Student } | { ok: false; message: string };

/** Adds a student to an assignment under a display name: the only thing Byline stores about them. */
export async function joinAssignment(
	app: App,
	a: Assignment,
	nameInput: string,
	now: Date
): Promise<JoinResult> {
	let name: string;
	if (a.names === 'anonymous') name = anonymousName(randomInt);
	else if (a.names === 'roster') {
		name = rosterOf(a).find((n) => n === nameInput) ?? '';
		if (!name) return { ok: false, message: 'Choose your name from the list.' };
	} else {
		name = cleanName(nameInput);
		if (name.length < 1)
			return { ok: false, message: 'Type the name your teacher will know you by.' };
		if (isOffensiveName(name))
			return {
				ok: false,
				message: 'Please choose a different name: that one is not allowed here.'
			};
	}
	for (let tries = 0; tries < 5; tries++) {
		const taken = await namesTaken(app.store, a.id);
		const student: Student = {
			id: randomBytes(16).toString('base64url'),
			assignment_id: a.id,
			display_name: distinctName(name, taken),
			created_at: now.toISOString(),
			last_active_at: now.toISOString()
		};
		if (await insertStudent(app.store, student)) {
			// The dashboard and the projector, on any instance, show the new name.
			app.bus
				.publish(`assignment:${a.id}`)
				.catch((e) => console.error('Announcing a join failed:', e));
			return { ok: true, student };
		}
	}
	return { ok: false, message: 'Many students are joining at once. Please try again.' };
}

export function rememberStudent(
	cookies: Cookies,
	a: Assignment,
	studentId: string,
	secure: boolean
): void {
	cookies.set(cookieName(a.id), studentId, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		maxAge: 60 * 60 * 24 * 180
	});
}

/** The student this browser joined as, if they still exist. */
export async function studentFromCookie(
	app: App,
	cookies: Cookies,
	a: Assignment
): Promise<Student | null> {
	const id = cookies.get(cookieName(a.id));
	if (!id) return null;
	return (await findStudentOfAssignment(app.store, a.id, id)) ?? null;
}

/** A student of this assignment by id (the teacher's view), or null. */
export async function findStudent(
	app: App,
	a: Assignment,
	studentId: string
): Promise<Student | null> {
	return (await findStudentOfAssignment(app.store, a.id, studentId)) ?? null;
}

export function forgetStudent(cookies: Cookies, a: Assignment): void {
	cookies.delete(cookieName(a.id), { path: '/' });
}

/** A student's attempts, oldest first; each play is asked whether it is finished. */
export async function attemptsOf(app: App, studentId: string, now: Date): Promise<Attempt[]> {
	return (await loadPlaysOfStudent(app.store, studentId)).map((stored) => {
		const play = new Play(stored.record, stored.answers, app.bank.question);
		return {
			playId: play.id,
			attempt: stored.record.attempt ?? 1,
			finished: play.isFinished(now),
			createdAt: stored.record.createdAt,
			play
		};
	});
}

export type AttemptResult = { ok: true; playId: string } | { ok: false; message: string };

/** The student's unfinished attempt, or a new one when the assignment allows another. */
export async function startAttempt(
	app: App,
	a: Assignment,
	student: Student,
	now: Date
): Promise<AttemptResult> {
	const attempts = await attemptsOf(app, student.id, now);
	const open = attempts.find((t) => !t.finished);
	if (open) return { ok: true, playId: open.playId };
	const closed = closedReason(a, now);
	if (closed) return { ok: false, message: closed };
	if (attempts.length >= a.attempts) {
		return {
			ok: false,
			message:
				a.attempts === 1
					? 'You have already done this assignment.'
					: `You have used all ${a.attempts} attempts.`
		};
	}
	const attempt = attempts.length + 1;
	const ids = questionIdsOf(a);
	const questionIds = attemptOrder(a, ids, student.id, attempt);
	const limit = a.time_limit_minutes
		? new Date(now.getTime() + a.time_limit_minutes * 60000)
		: null;
	const closes = a.closes_at ? new Date(a.closes_at) : null;
	const deadline = limit && closes ? (limit < closes ? limit : closes) : limit;
	const playId = await startPlay(app, assignmentQuiz(app.bank, a), now, {
		questionIds,
		owner: { kind: 'assignment', id: a.id },
		studentId: student.id,
		attempt,
		deadline,
		feedback: a.feedback
	});
	return { ok: true, playId };
}

/** Removes a student's attempts (answers go with them), so they can start again. */
export async function resetStudent(app: App, studentId: string): Promise<void> {
	await deletePlaysOfStudent(app.store, studentId);
}

export async function deleteStudent(app: App, studentId: string): Promise<void> {
	await deleteStudentRow(app.store, studentId);
}

/** The display names of an assignment's students, for the projector's "who has joined". */
export async function joinedNames(app: App, assignmentId: string): Promise<string[]> {
	return (await listStudentsOfAssignment(app.store, assignmentId)).map((s) => s.display_name);
}

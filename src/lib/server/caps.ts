import type { App } from './app';
import { findStudentCap, saveStudentCap } from './db/caps';
import { countStudents } from './db/students';
import { withStoreLock } from './db/connection';
import { hitLimit, type Limit } from './auth/rate-limit';

/**
 * Caps on the rows one client can make: plays per address, students per assignment and per
 * address, kiosk rounds and board entries per kiosk. Each is counted in the rate-limit store
 * before the row is written and answers with a message a person can act on (the route sends it
 * as a 429). Nothing already stored is touched by a cap.
 */

/** Free plays started from one address: a class sharing a school address stays well inside. */
export const PLAYS_PER_ADDRESS: Limit = { max: 300, windowSeconds: 10 * 60 };
/** New students joining any assignment from one address. */
export const STUDENTS_PER_ADDRESS: Limit = { max: 200, windowSeconds: 10 * 60 };
/** Rounds one kiosk screen can start: a round takes at least a few seconds per question. */
export const KIOSK_ROUNDS: Limit = { max: 60, windowSeconds: 10 * 60 };
/** Board entries one kiosk can take. */
export const KIOSK_BOARD_ENTRIES: Limit = { max: 30, windowSeconds: 10 * 60 };
/** Students an assignment takes until its teacher allows more. */
export const DEFAULT_STUDENTS_PER_ASSIGNMENT = 200;
export const STUDENT_CAP_RANGE = { min: 1, max: 2000 } as const;

export type CapCheck = { ok: true } | { ok: false; message: string };

function minutes(seconds: number): string {
	const m = Math.max(1, Math.ceil(seconds / 60));
	return `${m} minute${m === 1 ? '' : 's'}`;
}

async function within(
	app: App,
	key: string,
	limit: Limit,
	now: Date,
	message: (wait: string) => string
): Promise<CapCheck> {
	const wait = await hitLimit(app.store, key, limit, now);
	return wait > 0 ? { ok: false, message: message(minutes(wait)) } : { ok: true };
}

export function countFreePlay(app: App, address: string, now: Date): Promise<CapCheck> {
	return within(
		app,
		`cap:plays:${address}`,
		PLAYS_PER_ADDRESS,
		now,
		(wait) =>
			`Too many quizzes have been started from this network just now. Wait ${wait} and try again; quizzes already started carry on.`
	);
}

export function countKioskRound(app: App, kioskId: string, now: Date): Promise<CapCheck> {
	return within(
		app,
		`cap:kiosk-rounds:${kioskId}`,
		KIOSK_ROUNDS,
		now,
		(wait) => `This screen has started a lot of rounds just now. Wait ${wait} and touch again.`
	);
}

export function countBoardEntry(app: App, kioskId: string, now: Date): Promise<CapCheck> {
	return within(
		app,
		`cap:kiosk-board:${kioskId}`,
		KIOSK_BOARD_ENTRIES,
		now,
		(wait) => `The board has taken a lot of scores just now. Wait ${wait} to add yours, or skip.`
	);
}

/** The students `assignmentId` may have: the teacher's own number, or the default. */
export async function studentCapOf(app: App, assignmentId: string): Promise<number> {
	return (await findStudentCap(app.store, assignmentId)) ?? DEFAULT_STUDENTS_PER_ASSIGNMENT;
}

export async function studentCount(app: App, assignmentId: string): Promise<number> {
	return (await countStudents(app.store, [assignmentId])).get(assignmentId) ?? 0;
}

export type StudentCapResult = { ok: true; cap: number } | { ok: false; message: string };

/** The teacher's own cap on students for one assignment (the caller checks ownership). */
export async function setStudentCap(
	app: App,
	assignmentId: string,
	input: string
): Promise<StudentCapResult> {
	const cap = Number(input.trim());
	if (!Number.isInteger(cap) || cap < STUDENT_CAP_RANGE.min || cap > STUDENT_CAP_RANGE.max)
		return {
			ok: false,
			message: `Allow a whole number of students from ${STUDENT_CAP_RANGE.min} to ${STUDENT_CAP_RANGE.max}.`
		};
	await saveStudentCap(app.store, assignmentId, cap);
	return { ok: true, cap };
}

// Joins to one assignment run one at a time (the count and the insert must not interleave, or a
// burst overshoots the cap): an in-process queue, and on PostgreSQL a lock shared by every instance
// (the queue keeps each instance to one waiting connection per assignment).
const joining = new Map<string, Promise<unknown>>();

/**
 * Runs `join` only while the assignment has room and the address has not added too many students
 * just now; one join at a time per assignment, so a parallel burst stops exactly at the cap.
 */
export async function withStudentSeat<T>(
	app: App,
	assignmentId: string,
	address: string,
	now: Date,
	join: () => Promise<T>
): Promise<{ ok: true; value: T } | { ok: false; message: string }> {
	const previous = joining.get(assignmentId) ?? Promise.resolve();
	const turn = previous.then(() =>
		withStoreLock(app.store, `join:${assignmentId}`, () =>
			seatIfFree(app, assignmentId, address, now, join)
		)
	);
	const settled = turn.catch(() => undefined);
	joining.set(assignmentId, settled);
	try {
		return await turn;
	} finally {
		if (joining.get(assignmentId) === settled) joining.delete(assignmentId);
	}
}

async function seatIfFree<T>(
	app: App,
	assignmentId: string,
	address: string,
	now: Date,
	join: () => Promise<T>
): Promise<{ ok: true; value: T } | { ok: false; message: string }> {
	const [cap, count] = await Promise.all([
		studentCapOf(app, assignmentId),
		studentCount(app, assignmentId)
	]);
	if (count >= cap)
		return {
			ok: false as const,
			message: `This assignment is full: ${cap} students have joined. Ask your teacher to allow more.`
		};
	const fromAddress = await within(
		app,
		`cap:students:${address}`,
		STUDENTS_PER_ADDRESS,
		now,
		(wait) => `Many students have joined from this network just now. Wait ${wait} and try again.`
	);
	if (!fromAddress.ok) return fromAddress;
	return { ok: true as const, value: await join() };
}

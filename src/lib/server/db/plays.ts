import type { Grade } from '$lib/quiz/grading';
import type { AnswerRecord, PlayOwner, PlayRecord } from '$lib/quiz/play';
import type { QuizResponse } from '$lib/quiz/response';
import { inGroupCommit, preparedQuery, statement, storeKind, type Store } from './connection';
import type { AnswerTable, PlayTable } from './schema';

/**
 * Plays and answers. On SQLite the answer path runs inside a group commit, so its statements are
 * synchronous prepared statements on the store's connection; on PostgreSQL an answer is one read
 * and one write statement (`readPlay`, `storeAnswerAsync`), no transaction held open between them. Rows become domain values
 * here, with their JSON decoded once.
 */

/** A play as stored: its record, its owner and its answers. */
export interface StoredPlay {
	record: PlayRecord;
	owner: PlayOwner;
	answers: AnswerRecord[];
}

type PlayRow = Omit<PlayTable, 'feedback'> & { feedback: 'each' | 'end' };

function toRecord(row: PlayRow): PlayRecord {
	return {
		id: row.id,
		questionIds: JSON.parse(row.question_ids) as string[],
		seed: row.seed,
		createdAt: row.created_at,
		finishedAt: row.finished_at,
		deadline: row.deadline_at,
		feedback: row.feedback,
		studentId: row.student_id,
		attempt: row.attempt
	};
}

function ownerOf(row: PlayRow): PlayOwner {
	if (row.assignment_id !== null) return { kind: 'assignment', id: row.assignment_id };
	if (row.kiosk_id !== null) return { kind: 'kiosk', id: row.kiosk_id };
	return { kind: 'quiz', quizId: row.quiz_id };
}

function toAnswer(row: AnswerTable): AnswerRecord {
	return {
		position: row.position,
		questionId: row.question_id,
		response: JSON.parse(row.response) as QuizResponse,
		grade: row.grade === null ? null : (JSON.parse(row.grade) as Grade),
		credit: row.credit,
		points: row.points,
		streak: row.streak,
		answeredAt: row.answered_at
	};
}

/** Stores a new play (synchronous: it runs in a group commit, like answers). */
export function insertPlay(store: Store, record: PlayRecord, owner: PlayOwner): void {
	statement(
		store,
		`INSERT INTO play (id, quiz_id, assignment_id, kiosk_id, question_ids, seed, created_at,
		finished_at, student_id, attempt, deadline_at, feedback) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	).run(
		record.id,
		owner.kind === 'quiz' ? owner.quizId : owner.kind,
		owner.kind === 'assignment' ? owner.id : null,
		owner.kind === 'kiosk' ? owner.id : null,
		JSON.stringify(record.questionIds),
		record.seed,
		record.createdAt,
		record.finishedAt,
		record.studentId,
		record.attempt,
		record.deadline,
		record.feedback
	);
}

/** One play with its answers, read in one go; null when there is no such play. */
export function loadPlay(store: Store, id: string): StoredPlay | null {
	const row = statement(store, 'SELECT * FROM play WHERE id = ?').get(id) as PlayRow | undefined;
	if (!row) return null;
	const answers = statement(store, 'SELECT * FROM answer WHERE play_id = ? ORDER BY position')
		.all(id)
		.map((a) => toAnswer(a as AnswerTable));
	return { record: toRecord(row), owner: ownerOf(row), answers };
}

/** A play with its answers as one JSON array: one snapshot, one round trip. */
const READ_PLAY = `SELECT play.*, COALESCE(
		(SELECT json_agg(answer ORDER BY answer.position) FROM answer WHERE answer.play_id = play.id),
		'[]'
	) AS answers
	FROM play WHERE play.id = $1`;

/**
 * One play with its answers on either store. On PostgreSQL it is one query, the answers gathered
 * with `json_agg` (so the play and its answers are one snapshot), read outside any transaction.
 */
export async function readPlay(store: Store, id: string): Promise<StoredPlay | null> {
	if (storeKind(store) === 'sqlite') return loadPlay(store, id);
	const rows = await preparedQuery<PlayRow & { answers: AnswerTable[] }>(
		store,
		'byline_read_play',
		READ_PLAY,
		[id]
	);
	const row = rows[0];
	if (!row) return null;
	return { record: toRecord(row), owner: ownerOf(row), answers: row.answers.map(toAnswer) };
}

/** Stores a new play on either store: in SQLite's next group commit, or in one statement. */
export async function savePlay(store: Store, record: PlayRecord, owner: PlayOwner): Promise<void> {
	if (storeKind(store) === 'sqlite')
		return inGroupCommit(store, () => insertPlay(store, record, owner));
	await store
		.insertInto('play')
		.values({
			id: record.id,
			quiz_id: owner.kind === 'quiz' ? owner.quizId : owner.kind,
			assignment_id: owner.kind === 'assignment' ? owner.id : null,
			kiosk_id: owner.kind === 'kiosk' ? owner.id : null,
			question_ids: JSON.stringify(record.questionIds),
			seed: record.seed,
			created_at: record.createdAt,
			finished_at: record.finishedAt,
			student_id: record.studentId,
			attempt: record.attempt,
			deadline_at: record.deadline,
			feedback: record.feedback
		})
		.execute();
}

/** The plays whose `column` is `id`, with their answers, in `order` (Kysely, for PostgreSQL). */
async function playsWhereAsync(
	store: Store,
	column: 'student_id' | 'assignment_id',
	id: string,
	order: 'attempt' | 'created_at'
): Promise<StoredPlay[]> {
	const [rows, answers] = await Promise.all([
		store.selectFrom('play').selectAll().where(column, '=', id).orderBy(order).execute(),
		store
			.selectFrom('answer')
			.innerJoin('play', 'play.id', 'answer.play_id')
			.selectAll('answer')
			.where(`play.${column}`, '=', id)
			.orderBy('answer.play_id')
			.orderBy('answer.position')
			.execute()
	]);
	return playsWithAnswers(rows as PlayRow[], answers);
}

/** The plays whose `column` is `id`, with their answers, in `order`. */
function playsWhere(
	store: Store,
	column: 'student_id' | 'assignment_id',
	id: string,
	order: 'attempt' | 'created_at'
): StoredPlay[] {
	return playsWithAnswers(
		statement(store, `SELECT * FROM play WHERE ${column} = ? ORDER BY ${order}`).all(
			id
		) as PlayRow[],
		statement(
			store,
			`SELECT answer.* FROM answer JOIN play ON play.id = answer.play_id
			WHERE play.${column} = ? ORDER BY answer.play_id, answer.position`
		).all(id) as AnswerTable[]
	);
}

/** Every play of one student with its answers, oldest attempt first. */
export async function loadPlaysOfStudent(store: Store, studentId: string): Promise<StoredPlay[]> {
	if (storeKind(store) === 'postgres')
		return playsWhereAsync(store, 'student_id', studentId, 'attempt');
	return playsWhere(store, 'student_id', studentId, 'attempt');
}

/** Every attempt at one assignment with its answers. */
export async function loadPlaysOfAssignment(
	store: Store,
	assignmentId: string
): Promise<StoredPlay[]> {
	if (storeKind(store) === 'postgres')
		return playsWhereAsync(store, 'assignment_id', assignmentId, 'created_at');
	return playsWhere(store, 'assignment_id', assignmentId, 'created_at');
}

function playsWithAnswers(rows: PlayRow[], answers: AnswerTable[]): StoredPlay[] {
	const byPlay = new Map<string, AnswerRecord[]>();
	for (const a of answers) {
		const list = byPlay.get(a.play_id) ?? [];
		list.push(toAnswer(a));
		byPlay.set(a.play_id, list);
	}
	return rows.map((row) => ({
		record: toRecord(row),
		owner: ownerOf(row),
		answers: byPlay.get(row.id) ?? []
	}));
}

/** An answer's columns in the order both stores' inserts name them, JSON encoded. */
function answerColumns(playId: string, answer: AnswerRecord) {
	return [
		playId,
		answer.position,
		answer.questionId,
		JSON.stringify(answer.response),
		answer.credit,
		answer.points,
		answer.streak,
		answer.answeredAt,
		answer.grade === null ? null : JSON.stringify(answer.grade)
	];
}

/**
 * Stores one answer; false when the play already has an answer at that position or for that
 * question. The database's constraints decide, so two racing copies of one request store one row.
 */
export function insertAnswer(store: Store, playId: string, answer: AnswerRecord): boolean {
	const result = statement(
		store,
		`INSERT INTO answer (play_id, position, question_id, response, credit, points, streak, answered_at, grade)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`
	).run(...answerColumns(playId, answer));
	return result.changes === 1;
}

export function markFinished(store: Store, id: string, at: string): void {
	statement(store, 'UPDATE play SET finished_at = ? WHERE id = ? AND finished_at IS NULL').run(
		at,
		id
	);
}

export function touchStudent(store: Store, studentId: string, at: string): void {
	statement(store, 'UPDATE student SET last_active_at = ? WHERE id = ?').run(at, studentId);
}

const FOREIGN_KEY_VIOLATION = '23503';

/** What storing an accepted answer also writes: the finished mark, the student's activity. */
export interface AnswerEffects {
	at: string;
	finishes: boolean;
	studentId: string | null;
}

/** The answer, then (only if it went in) the finished mark and the student's activity. */
const STORE_ANSWER = `
	WITH inserted AS (
		INSERT INTO answer (play_id, position, question_id, response, credit, points, streak, answered_at, grade)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
		ON CONFLICT DO NOTHING
		RETURNING 1
	), finished AS (
		UPDATE play SET finished_at = $10
		WHERE $11 AND id = $1 AND finished_at IS NULL AND EXISTS (SELECT 1 FROM inserted)
	), touched AS (
		UPDATE student SET last_active_at = $10
		WHERE id = $12 AND EXISTS (SELECT 1 FROM inserted)
	)
	SELECT count(*) AS stored FROM inserted`;

/**
 * PostgreSQL: stores one answer and, only if it was stored, marks the play finished (when it was
 * the last question) and touches the student, in one statement committed on its own (durable with
 * the default `synchronous_commit = on`). False when the constraints turned it away: the play
 * already has an answer at that position or for that question, so of two racing copies one wins;
 * false too when the play is gone.
 */
export async function storeAnswerAsync(
	store: Store,
	playId: string,
	answer: AnswerRecord,
	effects: AnswerEffects
): Promise<boolean> {
	const values = [
		...answerColumns(playId, answer),
		effects.at,
		effects.finishes,
		effects.studentId
	];
	try {
		const [row] = await preparedQuery<{ stored: number }>(
			store,
			'byline_store_answer',
			STORE_ANSWER,
			values
		);
		return row.stored === 1;
	} catch (error) {
		// The play was deleted since it was read (its answers go with it): nothing to store.
		if ((error as { code?: string }).code === FOREIGN_KEY_VIOLATION) return false;
		throw error;
	}
}

export async function markFinishedAsync(store: Store, id: string, at: string): Promise<void> {
	await store
		.updateTable('play')
		.set({ finished_at: at })
		.where('id', '=', id)
		.where('finished_at', 'is', null)
		.execute();
}

/** Removes a student's attempts (answers go with them). */
export async function deletePlaysOfStudent(store: Store, studentId: string): Promise<void> {
	await store.deleteFrom('play').where('student_id', '=', studentId).execute();
}

/** True when `playId` is a round of this kiosk that has not been discarded. */
export async function isRoundOf(store: Store, kioskId: string, playId: string): Promise<boolean> {
	const row = await store
		.selectFrom('play')
		.select('id')
		.where('id', '=', playId)
		.where('kiosk_id', '=', kioskId)
		.executeTakeFirst();
	return row !== undefined;
}

/** The questions a play asks, in order; null when there is no such play (of this kiosk, if named). */
export async function findQuestionIdsOfPlay(
	store: Store,
	playId: string,
	kioskId?: string
): Promise<string[] | null> {
	let query = store.selectFrom('play').select('question_ids').where('id', '=', playId);
	if (kioskId !== undefined) query = query.where('kiosk_id', '=', kioskId);
	const row = await query.executeTakeFirst();
	return row ? (JSON.parse(row.question_ids) as string[]) : null;
}

/** Deletes one round of a kiosk (its answers cascade). */
export async function deleteRound(store: Store, kioskId: string, playId: string): Promise<void> {
	await store.deleteFrom('play').where('id', '=', playId).where('kiosk_id', '=', kioskId).execute();
}

/** Deletes a kiosk's rounds, or only those started before `before`. */
export async function deleteRounds(store: Store, kioskId: string, before?: string): Promise<void> {
	let query = store.deleteFrom('play').where('kiosk_id', '=', kioskId);
	if (before) query = query.where('created_at', '<', before);
	await query.execute();
}

/** Deletes plays of no student (home quizzes, kiosk rounds) started before `cutoff`; how many went. */
export async function deleteFreePlaysBefore(store: Store, cutoff: string): Promise<number> {
	const result = await store
		.deleteFrom('play')
		.where('student_id', 'is', null)
		.where('created_at', '<', cutoff)
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

/** Raw rows, for tests that look at what was stored. */
export async function findPlayRow(store: Store, id: string) {
	return store.selectFrom('play').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findAnswerRows(store: Store, playId: string) {
	return store
		.selectFrom('answer')
		.selectAll()
		.where('play_id', '=', playId)
		.orderBy('position')
		.execute();
}

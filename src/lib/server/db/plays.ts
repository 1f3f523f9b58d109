import type { Grade } from '$lib/quiz/grading';
import type { AnswerRecord, PlayOwner, PlayRecord } from '$lib/quiz/play';
import type { QuizResponse } from '$lib/quiz/response';
import { ANSWER_STATEMENTS, type AnswerToWrite } from './answer-thread';
import {
	answerThreadOf,
	inGroupCommit,
	preparedQuery,
	statement,
	storeKind,
	type Store
} from './connection';
import type { AnswerTable, PlayTable } from './schema';
import { TickBatch } from './tick-batch';

/**
 * Plays and answers. On either store an answer is one read and one write (`readPlay`,
 * `storeAnswerAsync`), no transaction held open between them: on SQLite the read is a synchronous
 * prepared statement on the store's connection and the write goes to the answer thread;
 * on PostgreSQL each is one statement shared by the answers of the same moment. Rows become
 * domain values here, with their JSON decoded once.
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

/** A play's row and its answers' rows as the domain's values. */
function storedPlay(row: PlayRow, answers: AnswerTable[]): StoredPlay {
	return { record: toRecord(row), owner: ownerOf(row), answers: answers.map(toAnswer) };
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
	const answers = statement(store, 'SELECT * FROM answer WHERE play_id = ? ORDER BY position').all(
		id
	) as AnswerTable[];
	return storedPlay(row, answers);
}

/** Plays with their answers, each as one JSON array: one snapshot, one round trip for them all. */
const READ_PLAYS = `SELECT play.*, COALESCE(
		(SELECT json_agg(answer ORDER BY answer.position) FROM answer WHERE answer.play_id = play.id),
		'[]'
	) AS answers
	FROM play WHERE play.id = ANY($1)`;

/** Each PostgreSQL store's batch of play reads. */
const playReads = new WeakMap<Store, TickBatch<string, StoredPlay | null>>();

function playReadsOf(store: Store): TickBatch<string, StoredPlay | null> {
	let reads = playReads.get(store);
	if (!reads) {
		reads = new TickBatch(async (ids) => {
			const rows = await preparedQuery<PlayRow & { answers: AnswerTable[] }>(
				store,
				'byline_read_plays',
				READ_PLAYS,
				[[...new Set(ids)]]
			);
			const byId = new Map(rows.map((row) => [row.id, storedPlay(row, row.answers)]));
			// Two readers of one play get values of their own: a caller may change what it got.
			const given = new Set<string>();
			return ids.map((id) => {
				const found = byId.get(id) ?? null;
				if (found && given.has(id)) return structuredClone(found);
				given.add(id);
				return found;
			});
		});
		playReads.set(store, reads);
	}
	return reads;
}

/**
 * One play with its answers on either store. On PostgreSQL the plays asked for in the same moment
 * are read by one query, each play's answers gathered with `json_agg` (so a play and its answers
 * are one snapshot), outside any transaction.
 */
export async function readPlay(store: Store, id: string): Promise<StoredPlay | null> {
	if (storeKind(store) === 'sqlite') {
		const thread = answerThreadOf(store);
		if (!thread) return loadPlay(store, id);
		const rows = await thread.read(id);
		return rows && storedPlay(rows.play as PlayRow, rows.answers as unknown as AnswerTable[]);
	}
	return playReadsOf(store).add(id);
}

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
	const byPlay = new Map<string, AnswerTable[]>();
	for (const a of answers) {
		const list = byPlay.get(a.play_id) ?? [];
		list.push(a);
		byPlay.set(a.play_id, list);
	}
	return rows.map((row) => storedPlay(row, byPlay.get(row.id) ?? []));
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
 * SQLite, on the store's own connection (a store in memory, or once the answer thread has
 * stopped): what the answer thread does, inside the group commit.
 */
function writeAnswerNow(store: Store, answer: AnswerToWrite): boolean {
	try {
		if (statement(store, ANSWER_STATEMENTS.insert).run(...answer.columns).changes !== 1)
			return false;
	} catch (error) {
		// The play was deleted since it was read: turned away, as on the answer thread.
		if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return false;
		throw error;
	}
	if (answer.finishes) statement(store, ANSWER_STATEMENTS.finish).run(answer.at, answer.columns[0]);
	if (answer.studentId) statement(store, ANSWER_STATEMENTS.touch).run(answer.at, answer.studentId);
	return true;
}

const FOREIGN_KEY_VIOLATION = '23503';

/** What storing an accepted answer also writes: the finished mark, the student's activity. */
export interface AnswerEffects {
	at: string;
	finishes: boolean;
	studentId: string | null;
}

/**
 * The answers, then for those that went in, the finished mark (on a play's last question) and the
 * student's activity. The arrays hold one element per answer; the result names the answers stored.
 */
const STORE_ANSWERS = `
	WITH given AS (
		SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::float8[], $6::int[],
			$7::int[], $8::text[], $9::text[], $10::text[], $11::bool[], $12::text[])
		AS given(play_id, position, question_id, response, credit, points, streak, answered_at, grade,
			at, finishes, student_id)
	), inserted AS (
		INSERT INTO answer (play_id, position, question_id, response, credit, points, streak, answered_at, grade)
		SELECT play_id, position, question_id, response, credit, points, streak, answered_at, grade
		FROM given
		ON CONFLICT DO NOTHING
		RETURNING play_id, position, question_id
	), finished AS (
		UPDATE play SET finished_at = given.at
		FROM inserted JOIN given USING (play_id, position, question_id)
		WHERE given.finishes AND play.id = inserted.play_id AND play.finished_at IS NULL
	), touched AS (
		UPDATE student SET last_active_at = given.at
		FROM inserted JOIN given USING (play_id, position, question_id)
		WHERE student.id = given.student_id
	)
	SELECT play_id, position, question_id FROM inserted`;

interface AnswerToStore {
	playId: string;
	answer: AnswerRecord;
	effects: AnswerEffects;
}

const keyOf = (playId: string, position: number, questionId: string) =>
	JSON.stringify([playId, position, questionId]);

/** Stores `answers` with one statement; true for each that went in. */
async function storeAnswersTogether(store: Store, answers: AnswerToStore[]): Promise<boolean[]> {
	const columns = answers.map(({ playId, answer, effects }) => [
		...answerColumns(playId, answer),
		effects.at,
		effects.finishes,
		effects.studentId
	]);
	const rows = await preparedQuery<{ play_id: string; position: number; question_id: string }>(
		store,
		'byline_store_answers',
		STORE_ANSWERS,
		columns[0].map((_, i) => columns.map((values) => values[i]))
	);
	const stored = new Set(rows.map((row) => keyOf(row.play_id, row.position, row.question_id)));
	// Two copies of one answer in one batch: the first is the one stored, the other a duplicate.
	return answers.map(({ playId, answer }) =>
		stored.delete(keyOf(playId, answer.position, answer.questionId))
	);
}

/** Each PostgreSQL store's batch of answers to store. */
const answerWrites = new WeakMap<Store, TickBatch<AnswerToStore, boolean>>();

function answerWritesOf(store: Store): TickBatch<AnswerToStore, boolean> {
	let writes = answerWrites.get(store);
	if (!writes) {
		writes = new TickBatch(async (answers) => {
			try {
				return await storeAnswersTogether(store, answers);
			} catch (error) {
				if ((error as { code?: string }).code !== FOREIGN_KEY_VIOLATION) throw error;
				// A play was deleted since it was read (its answers go with it), which fails the whole
				// statement: each answer again on its own, so only that play's is turned away.
				return Promise.all(
					answers.map((one) =>
						storeAnswersTogether(store, [one]).then(
							([stored]) => stored,
							(alone: { code?: string }) => {
								if (alone.code === FOREIGN_KEY_VIOLATION) return false;
								throw alone;
							}
						)
					)
				);
			}
		});
		answerWrites.set(store, writes);
	}
	return writes;
}

/**
 * Stores one answer and, only if it was stored, marks the play finished (when it was the last
 * question) and touches the student; resolves once that is durable. False when the constraints
 * turned it away: the play already has an answer at that position or for that question, so of
 * two racing copies one wins; false too when the play is gone.
 *
 * On SQLite the answer thread does it (its own connection, its own flush); on
 * PostgreSQL answers that arrive in the same moment share one statement, committed on its own
 * (durable with the default `synchronous_commit = on`).
 */
export function storeAnswerAsync(
	store: Store,
	playId: string,
	answer: AnswerRecord,
	effects: AnswerEffects
): Promise<boolean> {
	if (storeKind(store) === 'postgres')
		return answerWritesOf(store).add({ playId, answer, effects });
	const row: AnswerToWrite = {
		columns: answerColumns(playId, answer),
		at: effects.at,
		finishes: effects.finishes,
		studentId: effects.studentId
	};
	const thread = answerThreadOf(store);
	return thread ? thread.write(row) : inGroupCommit(store, () => writeAnswerNow(store, row));
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

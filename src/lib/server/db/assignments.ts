import type { Compilable, Insertable, Selectable } from 'kysely';
import { statement, type Store } from './connection';
import type { AssignmentTable } from './schema';

/** An assignment with whether its class is archived (an archived class's assignments are closed). */
export type Assignment = Selectable<AssignmentTable> & { class_archived_at: string | null };
export type OwnAssignment = Assignment & { class_name: string };

/** Assignments with their class's archive mark, for every query that reads whole assignments. */
function assignments(store: Store) {
	return store
		.selectFrom('assignment')
		.innerJoin('class', 'class.id', 'assignment.class_id')
		.selectAll('assignment')
		.select('class.archived_at as class_archived_at');
}

/** Inserts an assignment; false when its join code is already taken (the caller draws again). */
export async function insertAssignment(
	store: Store,
	row: Insertable<AssignmentTable>
): Promise<boolean> {
	const inserted = await store
		.insertInto('assignment')
		.values(row)
		.onConflict((c) => c.column('join_code').doNothing())
		.executeTakeFirst();
	return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function listAssignmentsOfClass(store: Store, classId: string): Promise<Assignment[]> {
	return assignments(store)
		.where('assignment.class_id', '=', classId)
		.orderBy('assignment.created_at', 'desc')
		.execute();
}

/** The assignment with its class name if the class is this teacher's; undefined otherwise. */
export async function findAssignmentOfTeacher(
	store: Store,
	teacherId: string,
	assignmentId: string
): Promise<OwnAssignment | undefined> {
	return assignments(store)
		.select('class.name as class_name')
		.where('assignment.id', '=', assignmentId)
		.where('class.teacher_id', '=', teacherId)
		.executeTakeFirst();
}

export async function findAssignmentByJoinCode(
	store: Store,
	code: string
): Promise<Assignment | undefined> {
	return assignments(store).where('assignment.join_code', '=', code).executeTakeFirst();
}

/** One assignment with its class's name, for a play's source. */
export async function readAssignmentById(
	store: Store,
	id: string
): Promise<Assignment | undefined> {
	return assignments(store).where('assignment.id', '=', id).executeTakeFirst();
}

export async function setAssignmentClosed(
	store: Store,
	id: string,
	closedAt: string | null
): Promise<void> {
	let query = store.updateTable('assignment').set({ closed_at: closedAt }).where('id', '=', id);
	if (closedAt !== null) query = query.where('closed_at', 'is', null);
	await query.execute();
}

export async function deleteAssignmentRow(store: Store, id: string): Promise<void> {
	await store.deleteFrom('assignment').where('id', '=', id).execute();
}

/** The settings a teacher may change after creating an assignment. */
export type AssignmentSettingsRow = Omit<
	Required<Insertable<AssignmentTable>>,
	'id' | 'class_id' | 'question_ids' | 'join_code' | 'closed_at' | 'created_at'
>;

export async function updateAssignmentSettings(
	store: Store,
	id: string,
	row: AssignmentSettingsRow
): Promise<void> {
	await store.updateTable('assignment').set(row).where('id', '=', id).execute();
}

function answersOfAssignment(store: Store, id: string) {
	return store
		.selectFrom('answer')
		.innerJoin('play', 'play.id', 'answer.play_id')
		.select('answer.play_id')
		.where('play.assignment_id', '=', id)
		.limit(1);
}

/** Whether any student has stored an answer to this assignment (its questions are then fixed). */
export async function assignmentHasAnswers(store: Store, id: string): Promise<boolean> {
	return (await answersOfAssignment(store, id).executeTakeFirst()) !== undefined;
}

/** Runs a query built with Kysely synchronously, for work inside the store's group commit. */
function runNow(store: Store, query: Compilable, kind: 'get' | 'all' | 'run') {
	const { sql, parameters } = query.compile();
	return statement(store, sql)[kind](...(parameters as unknown[]));
}

/**
 * Replaces the assignment's questions, and those of its plays that have begun, only while no
 * answer is stored; false otherwise. Synchronous: it runs in the group commit that stores answers,
 * so no answer can arrive between the check and the change. `orderFor` gives each play its order.
 */
/**
 * `replaceQuestionsWhileUnanswered` on PostgreSQL, in a transaction of its own: the assignment's
 * plays are locked first, and an answer locks its play before reading it, so an answer either
 * committed before (and the change is refused) or waits and then reads the new list.
 */
export async function replaceQuestionsWhileUnansweredAsync(
	store: Store,
	id: string,
	questionIds: string[],
	orderFor: (play: { student_id: string | null; attempt: number | null }) => string[]
): Promise<boolean> {
	return store.transaction().execute(async (trx) => {
		await trx.selectFrom('assignment').select('id').where('id', '=', id).forUpdate().execute();
		const plays = await trx
			.selectFrom('play')
			.select(['id', 'student_id', 'attempt'])
			.where('assignment_id', '=', id)
			.forUpdate()
			.execute();
		if ((await answersOfAssignment(trx, id).executeTakeFirst()) !== undefined) return false;
		await trx
			.updateTable('assignment')
			.set({ question_ids: JSON.stringify(questionIds) })
			.where('id', '=', id)
			.execute();
		for (const play of plays)
			await trx
				.updateTable('play')
				.set({ question_ids: JSON.stringify(orderFor(play)) })
				.where('id', '=', play.id)
				.execute();
		return true;
	});
}

export function replaceQuestionsWhileUnanswered(
	store: Store,
	id: string,
	questionIds: string[],
	orderFor: (play: { student_id: string | null; attempt: number | null }) => string[]
): boolean {
	if (runNow(store, answersOfAssignment(store, id), 'get') !== undefined) return false;
	runNow(
		store,
		store
			.updateTable('assignment')
			.set({ question_ids: JSON.stringify(questionIds) })
			.where('id', '=', id),
		'run'
	);
	const plays = runNow(
		store,
		store
			.selectFrom('play')
			.select(['id', 'student_id', 'attempt'])
			.where('assignment_id', '=', id),
		'all'
	) as { id: string; student_id: string | null; attempt: number | null }[];
	for (const play of plays)
		runNow(
			store,
			store
				.updateTable('play')
				.set({ question_ids: JSON.stringify(orderFor(play)) })
				.where('id', '=', play.id),
			'run'
		);
	return true;
}

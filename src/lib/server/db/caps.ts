import type { Store } from './connection';

/** The row caps' statements: a teacher's own cap on students, and abandoned free plays. */

export async function findStudentCap(store: Store, assignmentId: string): Promise<number | null> {
	const row = await store
		.selectFrom('assignment_student_cap')
		.select('max_students')
		.where('assignment_id', '=', assignmentId)
		.executeTakeFirst();
	return row?.max_students ?? null;
}

export async function saveStudentCap(
	store: Store,
	assignmentId: string,
	cap: number
): Promise<void> {
	await store
		.insertInto('assignment_student_cap')
		.values({ assignment_id: assignmentId, max_students: cap })
		.onConflict((c) => c.column('assignment_id').doUpdateSet({ max_students: cap }))
		.execute();
}

/**
 * Free plays (from the home page: no assignment, no kiosk) started before `cutoff` and not
 * finished, with how many answers each has and when the last came.
 */
export async function findUnfinishedFreePlays(store: Store, cutoff: string) {
	const rows = await store
		.selectFrom('play')
		.leftJoin('answer', 'answer.play_id', 'play.id')
		.select(({ fn }) => [
			'play.id',
			'play.question_ids',
			fn.count<number>('answer.position').as('answered'),
			fn.max('answer.answered_at').as('lastAnswer')
		])
		.where('play.student_id', 'is', null)
		.where('play.assignment_id', 'is', null)
		.where('play.kiosk_id', 'is', null)
		.where('play.finished_at', 'is', null)
		.where('play.created_at', '<', cutoff)
		.groupBy(['play.id', 'play.question_ids'])
		.execute();
	return rows.map((r) => ({
		id: r.id,
		questions: (JSON.parse(r.question_ids) as unknown[]).length,
		answered: Number(r.answered),
		lastAnswer: r.lastAnswer === null ? null : String(r.lastAnswer)
	}));
}

export async function deletePlaysById(store: Store, ids: readonly string[]): Promise<number> {
	if (ids.length === 0) return 0;
	const result = await store
		.deleteFrom('play')
		.where('id', 'in', [...ids])
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

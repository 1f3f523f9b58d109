import type { Insertable, Selectable } from 'kysely';
import type { Store } from './connection';
import type { AnswerTable, PlayTable } from './schema';

export type StoredPlay = Selectable<PlayTable>;
export type StoredAnswer = Selectable<AnswerTable>;

export async function insertPlay(store: Store, play: Insertable<PlayTable>): Promise<void> {
	await store.insertInto('play').values(play).execute();
}

export async function findPlay(store: Store, id: string): Promise<StoredPlay | undefined> {
	return store.selectFrom('play').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findAnswers(store: Store, playId: string): Promise<StoredAnswer[]> {
	return store
		.selectFrom('answer')
		.selectAll()
		.where('play_id', '=', playId)
		.orderBy('position')
		.execute();
}

/**
 * Stores one answer; false when the play already has an answer at that position or for that
 * question. The database's constraints decide, so two racing copies of one request store one row.
 */
export async function insertAnswer(
	store: Store,
	answer: Insertable<AnswerTable>
): Promise<boolean> {
	const result = await store
		.insertInto('answer')
		.values(answer)
		.onConflict((c) => c.doNothing())
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function markFinished(store: Store, id: string, at: string): Promise<void> {
	await store
		.updateTable('play')
		.set({ finished_at: at })
		.where('id', '=', id)
		.where('finished_at', 'is', null)
		.execute();
}

export async function touchStudent(store: Store, studentId: string, at: string): Promise<void> {
	await store
		.updateTable('student')
		.set({ last_active_at: at })
		.where('id', '=', studentId)
		.execute();
}

import { sql, type Insertable } from 'kysely';
import { lockKeys, type Store } from './connection';
import type { RateLimitTable, TeacherTable } from './schema';

/** Teachers, their sessions and the rate-limit windows: every statement of `server/auth/`. */

/**
 * Runs `work` in one transaction holding the locks of `keys`: the rate-limit windows it reads and
 * writes, so instances sharing PostgreSQL count one attempt at a time.
 */
export async function transaction<T>(
	store: Store,
	work: (trx: Store) => Promise<T>,
	keys: readonly string[] = []
): Promise<T> {
	return store.transaction().execute(async (trx) => {
		await lockKeys(trx, keys);
		return work(trx);
	});
}

export async function findTeacherIdByEmail(store: Store, email: string): Promise<string | null> {
	const row = await store
		.selectFrom('teacher')
		.select('id')
		.where('email', '=', email)
		.executeTakeFirst();
	return row?.id ?? null;
}

export async function findTeacherCredentials(
	store: Store,
	email: string
): Promise<{ id: string; password_hash: string } | undefined> {
	return store
		.selectFrom('teacher')
		.select(['id', 'password_hash'])
		.where('email', '=', email)
		.executeTakeFirst();
}

/** Inserts a teacher; false when the email is taken (two sign-ups at once: the unique email decides). */
export async function insertTeacher(
	store: Store,
	teacher: Insertable<TeacherTable>
): Promise<boolean> {
	const inserted = await store
		.insertInto('teacher')
		.values(teacher)
		.onConflict((c) => c.column('email').doNothing())
		.executeTakeFirst();
	return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function insertSession(
	store: Store,
	session: { id: string; teacherId: string; createdAt: string; expiresAt: string }
): Promise<void> {
	await store
		.insertInto('teacher_session')
		.values({
			id: session.id,
			teacher_id: session.teacherId,
			created_at: session.createdAt,
			expires_at: session.expiresAt
		})
		.execute();
}

/** The session with its teacher, by the session's id (the token's hash). */
export async function findSession(store: Store, id: string) {
	return store
		.selectFrom('teacher_session')
		.innerJoin('teacher', 'teacher.id', 'teacher_session.teacher_id')
		.select([
			'teacher.id as teacherId',
			'teacher.email',
			'teacher.display_name',
			'teacher_session.expires_at'
		])
		.where('teacher_session.id', '=', id)
		.executeTakeFirst();
}

export async function deleteSessionById(store: Store, id: string): Promise<void> {
	await store.deleteFrom('teacher_session').where('id', '=', id).execute();
}

export async function setSessionExpiry(store: Store, id: string, expiresAt: string): Promise<void> {
	await store
		.updateTable('teacher_session')
		.set({ expires_at: expiresAt })
		.where('id', '=', id)
		.execute();
}

export async function findLimitWindow(
	store: Store,
	key: string
): Promise<RateLimitTable | undefined> {
	return store.selectFrom('rate_limit').selectAll().where('key', '=', key).executeTakeFirst();
}

/** Starts a new window at `at` with one hit, replacing any earlier window of the key. */
export async function startLimitWindow(store: Store, key: string, at: string): Promise<void> {
	await setLimitWindow(store, { key, window_start: at, hits: 1 });
}

/** Writes a window as given, replacing any earlier window of the key. */
export async function setLimitWindow(store: Store, row: RateLimitTable): Promise<void> {
	await store
		.insertInto('rate_limit')
		.values(row)
		.onConflict((c) =>
			c.column('key').doUpdateSet({ window_start: row.window_start, hits: row.hits })
		)
		.execute();
}

export async function addLimitHit(store: Store, key: string): Promise<void> {
	await addLimitHits(store, [key]);
}

export async function addLimitHits(store: Store, keys: readonly string[]): Promise<void> {
	if (keys.length === 0) return;
	await store
		.updateTable('rate_limit')
		.set({ hits: sql`hits + 1` })
		.where('key', 'in', [...keys])
		.execute();
}

export async function setLimitHits(store: Store, key: string, hits: number): Promise<void> {
	await store.updateTable('rate_limit').set({ hits }).where('key', '=', key).execute();
}

/** Takes one hit back, never below zero. */
export async function removeLimitHit(store: Store, key: string): Promise<void> {
	await store
		.updateTable('rate_limit')
		.set({ hits: sql`CASE WHEN hits > 0 THEN hits - 1 ELSE 0 END` })
		.where('key', '=', key)
		.execute();
}

export async function deleteLimitWindow(store: Store, key: string): Promise<void> {
	await deleteLimitWindows(store, [key]);
}

export async function deleteLimitWindows(store: Store, keys: readonly string[]): Promise<void> {
	await store
		.deleteFrom('rate_limit')
		.where('key', 'in', [...keys])
		.execute();
}

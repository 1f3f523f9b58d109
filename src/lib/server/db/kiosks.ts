import type { Insertable, Selectable } from 'kysely';
import type { KioskSettings } from '$lib/kiosk/settings';
import { QUESTION_TYPES, type QuestionType } from '$lib/bank/vocabulary';
import type { Store } from './connection';
import type { KioskTable, LeaderboardEntryTable } from './kiosk-schema';

/** A kiosk profile as the services and pages use it. */
export interface Kiosk {
	id: string;
	teacherId: string;
	title: string;
	quizIds: string[];
	roundSize: number;
	idleSeconds: number;
	leaderboard: boolean;
	revokedAt: string | null;
	createdAt: string;
	/** The screen's last heartbeat, to the minute; null when it never ran. */
	lastSeenAt: string | null;
	maxDifficulty: number;
	/** The question types a round draws. */
	questionTypes: QuestionType[];
	/** The owner's own articles: every question on them (current versions) is in the pool too. */
	articleIds: string[];
}

function toKiosk(row: Selectable<KioskTable>): Kiosk {
	return {
		id: row.id,
		teacherId: row.teacher_id,
		title: row.title,
		quizIds: JSON.parse(row.quiz_ids) as string[],
		roundSize: row.round_size,
		idleSeconds: row.idle_seconds,
		leaderboard: row.leaderboard === 1,
		revokedAt: row.revoked_at,
		createdAt: row.created_at,
		lastSeenAt: row.last_seen_at,
		maxDifficulty: row.max_difficulty,
		questionTypes:
			row.question_types === null
				? [...QUESTION_TYPES]
				: (JSON.parse(row.question_types) as QuestionType[]),
		articleIds: row.article_ids === null ? [] : (JSON.parse(row.article_ids) as string[])
	};
}

function settingsColumns(settings: KioskSettings) {
	return {
		title: settings.title,
		quiz_ids: JSON.stringify(settings.quizzes),
		round_size: settings.roundSize,
		idle_seconds: settings.idleSeconds,
		leaderboard: settings.leaderboard ? 1 : 0,
		max_difficulty: settings.maxDifficulty,
		question_types: JSON.stringify(settings.questionTypes),
		article_ids: JSON.stringify(settings.articles)
	};
}

export async function insertKiosk(
	store: Store,
	kiosk: { id: string; teacherId: string; tokenHash: string; createdAt: string },
	settings: KioskSettings
): Promise<void> {
	await store
		.insertInto('kiosk')
		.values({
			id: kiosk.id,
			teacher_id: kiosk.teacherId,
			token_hash: kiosk.tokenHash,
			revoked_at: null,
			created_at: kiosk.createdAt,
			...settingsColumns(settings)
		})
		.execute();
}

export async function updateKioskSettings(
	store: Store,
	id: string,
	settings: KioskSettings
): Promise<void> {
	await store.updateTable('kiosk').set(settingsColumns(settings)).where('id', '=', id).execute();
}

export async function listKiosksOfTeacher(store: Store, teacherId: string): Promise<Kiosk[]> {
	const rows = await store
		.selectFrom('kiosk')
		.selectAll()
		.where('teacher_id', '=', teacherId)
		.orderBy('created_at', 'desc')
		.execute();
	return rows.map(toKiosk);
}

export async function findKioskOfTeacher(
	store: Store,
	teacherId: string,
	id: string
): Promise<Kiosk | null> {
	const row = await store
		.selectFrom('kiosk')
		.selectAll()
		.where('id', '=', id)
		.where('teacher_id', '=', teacherId)
		.executeTakeFirst();
	return row ? toKiosk(row) : null;
}

/** The running (not revoked) kiosk whose URL token hashes to `tokenHash`. */
export async function findRunningKioskByTokenHash(
	store: Store,
	tokenHash: string
): Promise<Kiosk | null> {
	const row = await store
		.selectFrom('kiosk')
		.selectAll()
		.where('token_hash', '=', tokenHash)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	return row ? toKiosk(row) : null;
}

/** A kiosk that has not been revoked, for a round's source. */
export async function readRunningKiosk(store: Store, id: string): Promise<Kiosk | null> {
	const row = await store
		.selectFrom('kiosk')
		.selectAll()
		.where('id', '=', id)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	return row ? toKiosk(row) : null;
}

export async function setKioskRevoked(store: Store, id: string, at: string): Promise<void> {
	await store
		.updateTable('kiosk')
		.set({ revoked_at: at })
		.where('id', '=', id)
		.where('revoked_at', 'is', null)
		.execute();
}

/** A new token for the kiosk, which also brings a revoked one back. */
export async function setKioskToken(store: Store, id: string, tokenHash: string): Promise<void> {
	await store
		.updateTable('kiosk')
		.set({ token_hash: tokenHash, revoked_at: null })
		.where('id', '=', id)
		.execute();
}

/** Deletes the kiosk; its board and its rounds go with it (foreign keys cascade). */
export async function deleteKioskRow(store: Store, id: string): Promise<void> {
	await store.deleteFrom('kiosk').where('id', '=', id).execute();
}

export type BoardRow = Pick<Selectable<LeaderboardEntryTable>, 'id' | 'initials' | 'score'> & {
	createdAt: string;
};

/** One day's entries for a kiosk, best first; an earlier entry beats a later one with the same score. */
export async function boardOfDay(
	store: Store,
	kioskId: string,
	day: string,
	limit: number | null
): Promise<BoardRow[]> {
	let query = store
		.selectFrom('leaderboard_entry')
		.select(['id', 'initials', 'score', 'created_at'])
		.where('kiosk_id', '=', kioskId)
		.where('day', '=', day)
		.orderBy('score', 'desc')
		.orderBy('created_at', 'asc')
		.orderBy('id');
	if (limit !== null) query = query.limit(limit);
	const rows = await query.execute();
	return rows.map((r) => ({
		id: r.id,
		initials: r.initials,
		score: r.score,
		createdAt: r.created_at
	}));
}

/** Deletes a kiosk's entries from days before `day`: only today's board is ever shown. */
export async function deleteEntriesBefore(store: Store, kioskId: string, day: string) {
	await store
		.deleteFrom('leaderboard_entry')
		.where('kiosk_id', '=', kioskId)
		.where('day', '<', day)
		.execute();
}

/** Adds an entry; false when the round is already on the board (a double tap). */
export async function insertEntry(
	store: Store,
	entry: Insertable<LeaderboardEntryTable>
): Promise<boolean> {
	const inserted = await store
		.insertInto('leaderboard_entry')
		.values(entry)
		.onConflict((c) => c.column('play_id').doNothing())
		.executeTakeFirst();
	return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function findEntryOfRound(
	store: Store,
	kioskId: string,
	playId: string
): Promise<string | null> {
	const row = await store
		.selectFrom('leaderboard_entry')
		.select('id')
		.where('kiosk_id', '=', kioskId)
		.where('play_id', '=', playId)
		.executeTakeFirst();
	return row?.id ?? null;
}

export async function deleteEntryOfKiosk(
	store: Store,
	kioskId: string,
	entryId: string
): Promise<boolean> {
	const result = await store
		.deleteFrom('leaderboard_entry')
		.where('id', '=', entryId)
		.where('kiosk_id', '=', kioskId)
		.executeTakeFirst();
	return Number(result.numDeletedRows) === 1;
}

/**
 * Notes the screen's heartbeat unless one was noted since `staleBefore`: the condition keeps it to
 * one write per interval per kiosk, however many screens or requests race.
 */
export async function touchKioskSeen(
	store: Store,
	id: string,
	at: string,
	staleBefore: string
): Promise<void> {
	await store
		.updateTable('kiosk')
		.set({ last_seen_at: at })
		.where('id', '=', id)
		.where((eb) => eb.or([eb('last_seen_at', 'is', null), eb('last_seen_at', '<', staleBefore)]))
		.execute();
}

/** The kiosks whose rounds draw from this article: its author's kiosks that chose it. */
export async function kioskIdsDrawingFrom(store: Store, articleId: string): Promise<string[]> {
	const rows = await store
		.selectFrom('kiosk')
		.innerJoin('authored_article', 'authored_article.teacher_id', 'kiosk.teacher_id')
		.select(['kiosk.id', 'kiosk.article_ids'])
		.where('authored_article.id', '=', articleId)
		.where('kiosk.article_ids', 'is not', null)
		.execute();
	return rows
		.filter((r) => (JSON.parse(r.article_ids ?? '[]') as string[]).includes(articleId))
		.map((r) => r.id);
}

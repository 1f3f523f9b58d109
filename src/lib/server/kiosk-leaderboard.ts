import { randomBytes } from 'node:crypto';
import { leaderboardDay } from '$lib/kiosk/day';
import { parseInitials } from '$lib/kiosk/initials';
import type { App } from './app';
import { config } from './config';
import { discardRound, isRoundOf, type Kiosk } from './kiosks';
import { KIOSK_PREFIX } from './play-sources';
import { getResults } from './plays';

export interface BoardEntry {
	id: string;
	initials: string;
	score: number;
	createdAt: string;
}

export const BOARD_SIZE = 10;

/**
 * Today's entries for one kiosk, best first; an earlier entry beats a later one with the same
 * score. `limit` null: all of today's, for the owner's page.
 */
export async function todaysBoard(
	app: App,
	kioskId: string,
	now: Date,
	limit: number | null = BOARD_SIZE
): Promise<BoardEntry[]> {
	let query = app.store
		.selectFrom('leaderboard_entry')
		.select(['id', 'initials', 'score', 'created_at'])
		.where('kiosk_id', '=', kioskId)
		.where('day', '=', leaderboardDay(now, config.timeZone))
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

/** What the screen compares to notice that the board changed (a new entry, one deleted). */
export function boardVersion(entries: readonly BoardEntry[]): string {
	return entries.map((e) => `${e.id}:${e.score}`).join(',');
}

export type PostOutcome =
	| { ok: true; entryId: string }
	| { ok: false; status: 400 | 404 | 409; message: string; initials?: string };

/**
 * Puts a finished round on today's board. The score is read from the round's server-graded
 * answers, never from the form; the round's id is unique on the board, so it is posted once, and
 * the round itself is then deleted.
 */
export async function postScore(
	app: App,
	kiosk: Kiosk,
	playId: string,
	initialsInput: unknown,
	now: Date
): Promise<PostOutcome> {
	if (!kiosk.leaderboard)
		return { ok: false, status: 409, message: 'This kiosk does not keep a leaderboard.' };
	const results = await getResults(app, playId);
	if (!results && (await isRoundOf(app, kiosk, playId)))
		return {
			ok: false,
			status: 409,
			message: 'Answer every question of the round before going on the board.'
		};
	if (!results || results.play.quiz.id !== KIOSK_PREFIX + kiosk.id) {
		const posted = await entryForPlay(app, kiosk.id, playId);
		if (posted) return { ok: true, entryId: posted };
		return { ok: false, status: 404, message: 'This round is over. Touch the screen to play.' };
	}
	const parsed = parseInitials(initialsInput);
	if (!parsed.ok)
		return { ok: false, status: 400, message: parsed.message, initials: String(initialsInput) };
	const id = randomBytes(12).toString('base64url');
	const day = leaderboardDay(now, config.timeZone);
	// Only today's board is ever shown: earlier days' initials are not kept.
	await app.store
		.deleteFrom('leaderboard_entry')
		.where('kiosk_id', '=', kiosk.id)
		.where('day', '<', day)
		.execute();
	const inserted = await app.store
		.insertInto('leaderboard_entry')
		.values({
			id,
			kiosk_id: kiosk.id,
			play_id: playId,
			day,
			initials: parsed.initials,
			score: results.summary.score,
			created_at: now.toISOString()
		})
		.onConflict((c) => c.column('play_id').doNothing())
		.executeTakeFirst();
	await discardRound(app, kiosk, playId);
	if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { ok: true, entryId: id };
	// A second copy of the same post (a double tap) got there first: it counts once.
	const posted = await entryForPlay(app, kiosk.id, playId);
	return posted
		? { ok: true, entryId: posted }
		: { ok: false, status: 404, message: 'This round is over. Touch the screen to play.' };
}

async function entryForPlay(app: App, kioskId: string, playId: string): Promise<string | null> {
	const row = await app.store
		.selectFrom('leaderboard_entry')
		.select('id')
		.where('kiosk_id', '=', kioskId)
		.where('play_id', '=', playId)
		.executeTakeFirst();
	return row?.id ?? null;
}

/** The owner removes an entry; false when it is not on this kiosk's board. */
export async function deleteEntry(app: App, kioskId: string, entryId: string): Promise<boolean> {
	const result = await app.store
		.deleteFrom('leaderboard_entry')
		.where('id', '=', entryId)
		.where('kiosk_id', '=', kioskId)
		.executeTakeFirst();
	return Number(result.numDeletedRows) === 1;
}

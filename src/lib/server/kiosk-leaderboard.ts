import { randomBytes } from 'node:crypto';
import { leaderboardDay } from '$lib/kiosk/day';
import { parseInitials } from '$lib/kiosk/initials';
import type { App } from './app';
import { config } from './config';
import {
	boardOfDay,
	deleteEntriesBefore,
	deleteEntryOfKiosk,
	findEntryOfRound,
	insertEntry
} from './db/kiosks';
import { discardRound, isRoundOf, type Kiosk } from './kiosks';
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
	return boardOfDay(app.store, kioskId, leaderboardDay(now, config.timeZone), limit);
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
	const results = await getResults(app, playId, now);
	if (!results && (await isRoundOf(app, kiosk, playId)))
		return {
			ok: false,
			status: 409,
			message: 'Answer every question of the round before going on the board.'
		};
	const owner = results?.open.owner;
	if (!results || owner?.kind !== 'kiosk' || owner.id !== kiosk.id) {
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
	await deleteEntriesBefore(app.store, kiosk.id, day);
	const inserted = await insertEntry(app.store, {
		id,
		kiosk_id: kiosk.id,
		play_id: playId,
		day,
		initials: parsed.initials,
		score: results.summary.score,
		created_at: now.toISOString()
	});
	await discardRound(app, kiosk, playId);
	if (inserted) return { ok: true, entryId: id };
	// A second copy of the same post (a double tap) got there first: it counts once.
	const posted = await entryForPlay(app, kiosk.id, playId);
	return posted
		? { ok: true, entryId: posted }
		: { ok: false, status: 404, message: 'This round is over. Touch the screen to play.' };
}

async function entryForPlay(app: App, kioskId: string, playId: string): Promise<string | null> {
	return findEntryOfRound(app.store, kioskId, playId);
}

/** The owner removes an entry; false when it is not on this kiosk's board. */
export async function deleteEntry(app: App, kioskId: string, entryId: string): Promise<boolean> {
	return deleteEntryOfKiosk(app.store, kioskId, entryId);
}

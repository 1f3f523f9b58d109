import { createHash, randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import { estimateMinutes, type Quiz } from '$lib/quiz/catalogue';
import type { KioskSettings } from '$lib/kiosk/settings';
import type { App } from './app';
import type { KioskTable } from './db/kiosk-schema';
import { KIOSK_PREFIX, type PlaySource } from './play-sources';
import { startPlay } from './plays';

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
}

/** Rounds left behind (a power cut, a closed browser) are deleted once they are this old. */
const STALE_ROUND_MS = 2 * 60 * 60 * 1000;

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
		createdAt: row.created_at
	};
}

/** The kiosk URL's secret: 128 random bits. Only its hash is stored, like a session token. */
function newToken(): { token: string; hash: string } {
	const token = randomBytes(16).toString('base64url');
	return { token, hash: hashToken(token) };
}

function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

const KIOSK_TOKEN = /^[A-Za-z0-9_-]{22}$/;

export async function createKiosk(
	app: App,
	teacherId: string,
	settings: KioskSettings,
	now: Date
): Promise<{ id: string; token: string }> {
	const id = randomBytes(12).toString('base64url');
	const { token, hash } = newToken();
	await app.store
		.insertInto('kiosk')
		.values({
			id,
			teacher_id: teacherId,
			title: settings.title,
			token_hash: hash,
			quiz_ids: JSON.stringify(settings.quizzes),
			round_size: settings.roundSize,
			idle_seconds: settings.idleSeconds,
			leaderboard: settings.leaderboard ? 1 : 0,
			revoked_at: null,
			created_at: now.toISOString()
		})
		.execute();
	return { id, token };
}

export async function updateKiosk(app: App, id: string, settings: KioskSettings): Promise<void> {
	await app.store
		.updateTable('kiosk')
		.set({
			title: settings.title,
			quiz_ids: JSON.stringify(settings.quizzes),
			round_size: settings.roundSize,
			idle_seconds: settings.idleSeconds,
			leaderboard: settings.leaderboard ? 1 : 0
		})
		.where('id', '=', id)
		.execute();
}

export async function listKiosks(app: App, teacherId: string): Promise<Kiosk[]> {
	const rows = await app.store
		.selectFrom('kiosk')
		.selectAll()
		.where('teacher_id', '=', teacherId)
		.orderBy('created_at', 'desc')
		.execute();
	return rows.map(toKiosk);
}

/** The kiosk if this teacher owns it; null otherwise, so another teacher's kiosk is a plain 404. */
export async function findOwnKiosk(app: App, teacherId: string, id: string): Promise<Kiosk | null> {
	const row = await app.store
		.selectFrom('kiosk')
		.selectAll()
		.where('id', '=', id)
		.where('teacher_id', '=', teacherId)
		.executeTakeFirst();
	return row ? toKiosk(row) : null;
}

/** The kiosk a screen's URL token opens; null when the token is unknown or the kiosk revoked. */
export async function findKioskByToken(app: App, token: string): Promise<Kiosk | null> {
	if (!KIOSK_TOKEN.test(token)) return null;
	const row = await app.store
		.selectFrom('kiosk')
		.selectAll()
		.where('token_hash', '=', hashToken(token))
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	return row ? toKiosk(row) : null;
}

/** Stops the screen: its URL shows "not set up" from the next request on. */
export async function revokeKiosk(app: App, id: string, now: Date): Promise<void> {
	await app.store
		.updateTable('kiosk')
		.set({ revoked_at: now.toISOString() })
		.where('id', '=', id)
		.where('revoked_at', 'is', null)
		.execute();
	await discardAllRounds(app, id);
}

/** A new URL for the kiosk (also bringing a revoked one back); the old URL stops working. */
export async function renewKioskUrl(app: App, id: string): Promise<string> {
	const { token, hash } = newToken();
	await app.store
		.updateTable('kiosk')
		.set({ token_hash: hash, revoked_at: null })
		.where('id', '=', id)
		.execute();
	await discardAllRounds(app, id);
	return token;
}

/** Deletes the kiosk with its board (the foreign key cascades) and any round still open. */
export async function deleteKiosk(app: App, id: string): Promise<void> {
	await discardAllRounds(app, id);
	await app.store.deleteFrom('kiosk').where('id', '=', id).execute();
}

/** The questions a kiosk's rounds draw from: every question of its quizzes, once each. */
export function kioskQuiz(app: App, kiosk: Kiosk): Quiz {
	const pool = [
		...new Set(kiosk.quizIds.flatMap((id) => app.bank.quiz.get(id)?.questionIds ?? []))
	];
	const size = Math.min(kiosk.roundSize, pool.length);
	const questions = pool.map((id) => app.bank.question.get(id)).filter((q) => q !== undefined);
	return {
		id: KIOSK_PREFIX + kiosk.id,
		title: kiosk.title,
		blurb: `${size} questions, drawn fresh each round.`,
		group: 'kiosk',
		questionIds: pool,
		size,
		minutes: estimateMinutes(questions.slice(0, size))
	};
}

/** The kiosk behind a kiosk round; null once the kiosk is revoked or deleted. */
export async function kioskPlaySource(
	app: App,
	kioskId: string,
	now: Date
): Promise<PlaySource | null> {
	void now;
	const row = await app.store
		.selectFrom('kiosk')
		.selectAll()
		.where('id', '=', kioskId)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	// The kiosk's URL is a secret kept only as a hash, so the way home is the site's home page.
	return row ? { quiz: kioskQuiz(app, toKiosk(row)), home: '/', closedMessage: null } : null;
}

/** A fresh round: questions drawn from the kiosk's pool, feedback after each answer. */
export async function startRound(app: App, kiosk: Kiosk, now: Date): Promise<string | null> {
	const quiz = kioskQuiz(app, kiosk);
	if (quiz.size === 0) return null;
	await app.store
		.deleteFrom('play')
		.where('quiz_id', '=', quiz.id)
		.where('created_at', '<', new Date(now.getTime() - STALE_ROUND_MS).toISOString())
		.execute();
	return startPlay(app, quiz, now, { feedback: 'each' });
}

/** True when `playId` is a round of this kiosk that has not been discarded. */
export async function isRoundOf(app: App, kiosk: Kiosk, playId: string): Promise<boolean> {
	const row = await app.store
		.selectFrom('play')
		.select('id')
		.where('id', '=', playId)
		.where('quiz_id', '=', KIOSK_PREFIX + kiosk.id)
		.executeTakeFirst();
	return row !== undefined;
}

/**
 * Deletes a round with its answers (they cascade): when the player walks away, skips the board or
 * has posted their initials. Nothing of a round outlives it but the initials and score on the board.
 */
export async function discardRound(app: App, kiosk: Kiosk, playId: string): Promise<void> {
	await app.store
		.deleteFrom('play')
		.where('id', '=', playId)
		.where('quiz_id', '=', KIOSK_PREFIX + kiosk.id)
		.execute();
}

async function discardAllRounds(app: App, kioskId: string): Promise<void> {
	await app.store
		.deleteFrom('play')
		.where('quiz_id', '=', KIOSK_PREFIX + kioskId)
		.execute();
}

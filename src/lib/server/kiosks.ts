import { REVEAL_EACH_ANSWER } from '$lib/quiz/reveal';
import { createHash, randomBytes } from 'node:crypto';
import { estimateMinutes, type Quiz } from '$lib/quiz/catalogue';
import { HEARTBEAT_WRITE_MS, heartbeatDue } from '$lib/kiosk/heartbeat';
import type { KioskSettings } from '$lib/kiosk/settings';
import type { App } from './app';
import type { LoadedBank } from './bank';
import {
	deleteKioskRow,
	findKioskOfTeacher,
	readRunningKiosk,
	findRunningKioskByTokenHash,
	insertKiosk,
	kioskIdsDrawingFrom,
	listKiosksOfTeacher,
	setKioskRevoked,
	setKioskToken,
	touchKioskSeen,
	updateKioskSettings,
	type Kiosk
} from './db/kiosks';
import { listCurrentVersionsOfArticles } from './db/authored';
import { deleteRound, deleteRounds, isRoundOf as storedRoundOf } from './db/plays';
import { cachedSource, type PlaySource, type PlaySourceKind } from './play-sources';
import { startPlay } from './plays';

export type { Kiosk } from './db/kiosks';

/** Rounds left behind (a power cut, a closed browser) are deleted once they are this old. */
const STALE_ROUND_MS = 2 * 60 * 60 * 1000;

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
	await insertKiosk(
		app.store,
		{ id, teacherId, tokenHash: hash, createdAt: now.toISOString() },
		settings
	);
	return { id, token };
}

export async function updateKiosk(app: App, id: string, settings: KioskSettings): Promise<void> {
	await updateKioskSettings(app.store, id, settings);
	app.sources.kiosk.forget(id);
}

export async function listKiosks(app: App, teacherId: string): Promise<Kiosk[]> {
	return listKiosksOfTeacher(app.store, teacherId);
}

/** The kiosk if this teacher owns it; null otherwise, so another teacher's kiosk is a plain 404. */
export async function findOwnKiosk(app: App, teacherId: string, id: string): Promise<Kiosk | null> {
	return findKioskOfTeacher(app.store, teacherId, id);
}

/** The kiosk a screen's URL token opens; null when the token is unknown or the kiosk revoked. */
export async function findKioskByToken(app: App, token: string): Promise<Kiosk | null> {
	if (!KIOSK_TOKEN.test(token)) return null;
	return findRunningKioskByTokenHash(app.store, hashToken(token));
}

/** Stops the screen: its URL shows "not set up" from the next request on. */
export async function revokeKiosk(app: App, id: string, now: Date): Promise<void> {
	await setKioskRevoked(app.store, id, now.toISOString());
	app.sources.kiosk.forget(id);
	await deleteRounds(app.store, id);
}

/** A new URL for the kiosk (also bringing a revoked one back); the old URL stops working. */
export async function renewKioskUrl(app: App, id: string): Promise<string> {
	const { token, hash } = newToken();
	await setKioskToken(app.store, id, hash);
	app.sources.kiosk.forget(id);
	await deleteRounds(app.store, id);
	return token;
}

/** Deletes the kiosk with its board and any round still open (the foreign keys cascade). */
export async function deleteKiosk(app: App, id: string): Promise<void> {
	await deleteKioskRow(app.store, id);
	app.sources.kiosk.forget(id);
}

type PoolSettings = Pick<
	Kiosk,
	'id' | 'title' | 'quizIds' | 'roundSize' | 'maxDifficulty' | 'questionTypes'
>;

/**
 * The questions a kiosk's rounds draw from: every question of its quizzes and the owner's own
 * question versions (`ownVersionIds`, the current ones on its articles), once each, no harder than
 * its difficulty and of its question types.
 */
export function kioskQuiz(
	bank: LoadedBank,
	kiosk: PoolSettings,
	ownVersionIds: readonly string[]
): Quiz {
	const fits = (id: string) => {
		const q = bank.question.get(id);
		return (
			q !== undefined && q.difficulty <= kiosk.maxDifficulty && kiosk.questionTypes.includes(q.type)
		);
	};
	const pool = [
		...new Set([
			...kiosk.quizIds.flatMap((id) => bank.quiz.get(id)?.questionIds ?? []),
			...ownVersionIds
		])
	].filter(fits);
	const size = Math.min(kiosk.roundSize, pool.length);
	const questions = pool.map((id) => bank.question.get(id)).filter((q) => q !== undefined);
	return {
		id: `kiosk-${kiosk.id}`,
		title: kiosk.title,
		blurb: `${size} questions, drawn fresh each round.`,
		group: 'kiosk',
		questionIds: pool,
		size,
		minutes: estimateMinutes(questions.slice(0, size))
	};
}

/** What a kiosk draws from now, its owner's questions in their current versions included. */
export async function kioskPool(app: App, kiosk: Kiosk): Promise<Quiz> {
	const own = await listCurrentVersionsOfArticles(app.store, kiosk.teacherId, kiosk.articleIds);
	return kioskQuiz(app.bank, kiosk, own);
}

/** Kiosk rounds: the kiosk's pool; the way home is the site's home page, as the URL is a secret. */
export function kioskSource(bank: LoadedBank): PlaySourceKind {
	const sourceOf = (kiosk: Kiosk, own: string[]): PlaySource => ({
		quiz: kioskQuiz(bank, kiosk, own),
		home: '/',
		closed: () => null,
		reveal: REVEAL_EACH_ANSWER
	});
	return cachedSource(async (store, id) => {
		const kiosk = await readRunningKiosk(store, id);
		return (
			kiosk &&
			sourceOf(kiosk, await listCurrentVersionsOfArticles(store, kiosk.teacherId, kiosk.articleIds))
		);
	});
}

/** A fresh round: questions drawn from the kiosk's pool, feedback after each answer. */
export async function startRound(app: App, kiosk: Kiosk, now: Date): Promise<string | null> {
	const quiz = await kioskPool(app, kiosk);
	if (quiz.size === 0) return null;
	await deleteRounds(app.store, kiosk.id, new Date(now.getTime() - STALE_ROUND_MS).toISOString());
	return startPlay(app, quiz, now, { feedback: 'each', owner: { kind: 'kiosk', id: kiosk.id } });
}

/** True when `playId` is a round of this kiosk that has not been discarded. */
export async function isRoundOf(app: App, kiosk: Kiosk, playId: string): Promise<boolean> {
	return storedRoundOf(app.store, kiosk.id, playId);
}

/**
 * Deletes a round with its answers (they cascade): when the player walks away, skips the board or
 * has posted their initials. Nothing of a round outlives it but the initials and score on the board.
 */
export async function discardRound(app: App, kiosk: Kiosk, playId: string): Promise<void> {
	await deleteRound(app.store, kiosk.id, playId);
}

/** Notes that the screen is alive, for the owner's badge; written at most once a minute. */
export async function noteHeartbeat(app: App, kiosk: Kiosk, now: Date): Promise<void> {
	if (!heartbeatDue(kiosk.lastSeenAt, now)) return;
	const staleBefore = new Date(now.getTime() - HEARTBEAT_WRITE_MS + 1).toISOString();
	await touchKioskSeen(app.store, kiosk.id, now.toISOString(), staleBefore);
}

/** How many questions a profile with these settings would draw from; 0 means rounds cannot start. */
export async function kioskPoolSize(
	app: App,
	teacherId: string,
	settings: KioskSettings
): Promise<number> {
	const own = await listCurrentVersionsOfArticles(app.store, teacherId, settings.articles);
	return kioskQuiz(
		app.bank,
		{
			id: '',
			title: settings.title,
			quizIds: settings.quizzes,
			roundSize: settings.roundSize,
			maxDifficulty: settings.maxDifficulty,
			questionTypes: settings.questionTypes
		},
		own
	).questionIds.length;
}

/**
 * A question on this article was saved: the kiosks drawing from it forget their cached pool, on
 * every instance, so their next round asks the version saved.
 */
export async function forgetKiosksDrawingFrom(app: App, articleId: string): Promise<void> {
	for (const id of await kioskIdsDrawingFrom(app.store, articleId)) app.sources.kiosk.forget(id);
}

export const EMPTY_POOL =
	'No question fits these choices: allow harder questions, more kinds of question, or more quizzes or articles.';

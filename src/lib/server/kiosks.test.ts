import { QUESTION_TYPES } from '$lib/bank/vocabulary';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PublicQuestion } from '$lib/quiz/public-question';
import { createApp, type App } from './app';
import { loadBankOrThrow } from './bank';
import { openTestStore } from './db/test-store';
import { addTestArticle, addTestTeacher, trueFalseOn } from './test-authored';
import { findAnswerRows as findAnswers, findPlayRow as findPlay } from './db/plays';
import { deleteEntry, postScore, todaysBoard } from './kiosk-leaderboard';
import {
	createKiosk,
	deleteKiosk,
	discardRound,
	findKioskByToken,
	findOwnKiosk,
	isRoundOf,
	kioskPoolSize,
	kioskQuiz,
	renewKioskUrl,
	revokeKiosk,
	startRound,
	type Kiosk
} from './kiosks';
import { getPlay as openPlay, submitAnswer } from './plays';
import { saveQuestion } from './authored';

const bank = loadBankOrThrow(resolve(import.meta.dirname, '../../../questions'));
const now = new Date('2026-03-02T10:00:00Z');
const settings = {
	title: 'Library lobby',
	quizzes: ['skill-sourcing', 'skill-framing'],
	roundSize: 5,
	idleSeconds: 60,
	leaderboard: true,
	maxDifficulty: 3,
	questionTypes: [...QUESTION_TYPES],
	articles: [] as string[]
};

let app: App;

const teacher = (id: string) => addTestTeacher(app, id, now);

async function kioskFor(teacherId: string, change: Partial<typeof settings> = {}) {
	const { id, token } = await createKiosk(app, teacherId, { ...settings, ...change }, now);
	const kiosk = await findKioskByToken(app, token);
	if (!kiosk) throw new Error('the new kiosk is not found by its token');
	return { id, token, kiosk };
}

/** Answers the current question with its first option (right or wrong, it does not matter). */
/** Where a round stands, as its pages see it. */
async function getPlay(app: App, id: string) {
	const open = await openPlay(app, id);
	return open && { score: open.play.score, current: open.play.currentPublic(now) };
}

async function answerSomething(playId: string, shown: PublicQuestion) {
	const form = new FormData();
	if (shown.items.length > 0)
		for (const item of shown.items) form.set(`place-${item.key}`, shown.options[0]);
	else form.set(shown.type === 'select-all' ? 'choices' : 'choice', shown.options[0]);
	return submitAnswer(app, playId, shown.id, form, now);
}

async function finishRound(kiosk: Kiosk): Promise<string> {
	const playId = await startRound(app, kiosk, now);
	if (!playId) throw new Error('no round');
	for (;;) {
		const state = await getPlay(app, playId);
		if (!state?.current) return playId;
		await answerSomething(playId, state.current);
	}
}

beforeEach(async () => {
	app = createApp(bank, await openTestStore(':memory:'));
});

describe('kiosk profiles', () => {
	it('keep only a hash of the URL token', async () => {
		const { id, token } = await createKiosk(app, await teacher('t1'), settings, now);
		expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
		const row = await app.store.selectFrom('kiosk').selectAll().executeTakeFirstOrThrow();
		expect(JSON.stringify(row)).not.toContain(token);
		expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
		expect((await findKioskByToken(app, token))?.id).toBe(id);
		expect(await findKioskByToken(app, 'A'.repeat(22))).toBeNull();
		expect(await findKioskByToken(app, '../../etc')).toBeNull();
	});

	it('belong to their teacher only', async () => {
		const { id } = await kioskFor(await teacher('t1'));
		await teacher('t2');
		expect(await findOwnKiosk(app, 't1', id)).not.toBeNull();
		expect(await findOwnKiosk(app, 't2', id)).toBeNull();
	});

	it('stop at once when revoked, and a new URL replaces the old one', async () => {
		const { id, token, kiosk } = await kioskFor(await teacher('t1'));
		const playId = await startRound(app, kiosk, now);
		await revokeKiosk(app, id, now);
		expect(await findKioskByToken(app, token)).toBeNull();
		// Its rounds stop too.
		expect(await getPlay(app, playId ?? '')).toBeNull();

		const fresh = await renewKioskUrl(app, id);
		expect(fresh).not.toBe(token);
		expect(await findKioskByToken(app, token)).toBeNull();
		expect((await findKioskByToken(app, fresh))?.id).toBe(id);
	});
});

describe('rounds', () => {
	it('draw the round size fresh each round from the kiosk’s quizzes', async () => {
		const { kiosk } = await kioskFor(await teacher('t1'));
		const pool = new Set([
			...(bank.quiz.get('skill-sourcing')?.questionIds ?? []),
			...(bank.quiz.get('skill-framing')?.questionIds ?? [])
		]);
		const draws = new Set<string>();
		for (let i = 0; i < 6; i++) {
			const playId = await startRound(app, kiosk, now);
			const ids = JSON.parse((await findPlay(app.store, playId ?? ''))?.question_ids ?? '[]');
			expect(ids).toHaveLength(5);
			for (const id of ids) expect(pool.has(id)).toBe(true);
			draws.add(ids.join());
		}
		expect(draws.size).toBeGreaterThan(1);
	});

	it('are told apart from other plays and other kiosks', async () => {
		const t = await teacher('t1');
		const a = await kioskFor(t);
		const b = await kioskFor(t);
		const playId = (await startRound(app, a.kiosk, now)) ?? '';
		expect(await isRoundOf(app, a.kiosk, playId)).toBe(true);
		expect(await isRoundOf(app, b.kiosk, playId)).toBe(false);
		await discardRound(app, b.kiosk, playId);
		expect(await isRoundOf(app, a.kiosk, playId)).toBe(true);
	});

	it('leave nothing behind when discarded', async () => {
		const { kiosk } = await kioskFor(await teacher('t1'));
		const playId = (await startRound(app, kiosk, now)) ?? '';
		const state = await getPlay(app, playId);
		if (state?.current) await answerSomething(playId, state.current);
		expect(await findAnswers(app.store, playId)).toHaveLength(1);
		await discardRound(app, kiosk, playId);
		expect(await findPlay(app.store, playId)).toBeUndefined();
		expect(await findAnswers(app.store, playId)).toHaveLength(0);
	});

	it('left over for hours are purged when a new round starts', async () => {
		const { kiosk } = await kioskFor(await teacher('t1'));
		const old = (await startRound(app, kiosk, new Date(now.getTime() - 3 * 3600_000))) ?? '';
		const recent = (await startRound(app, kiosk, new Date(now.getTime() - 600_000))) ?? '';
		await startRound(app, kiosk, now);
		expect(await findPlay(app.store, old)).toBeUndefined();
		expect(await findPlay(app.store, recent)).toBeDefined();
	});
});

describe('the leaderboard', () => {
	it('takes the score from the finished round, once', async () => {
		const { kiosk } = await kioskFor(await teacher('t1'));
		const playId = await finishRound(kiosk);
		const expected = (await getPlay(app, playId))?.score;
		const first = await postScore(app, kiosk, playId, 'abc', now);
		expect(first.ok).toBe(true);
		const again = await postScore(app, kiosk, playId, 'XYZ', now);
		expect(again).toEqual(first);
		const board = await todaysBoard(app, kiosk.id, now);
		expect(board).toEqual([
			{
				id: first.ok ? first.entryId : '',
				initials: 'ABC',
				score: expected,
				createdAt: now.toISOString()
			}
		]);
		// The round itself is gone: initials and score are all that is left.
		expect(await findPlay(app.store, playId)).toBeUndefined();
	});

	it('counts a double tap once', async () => {
		const { kiosk } = await kioskFor(await teacher('t1'));
		const playId = await finishRound(kiosk);
		const both = await Promise.all([
			postScore(app, kiosk, playId, 'ABC', now),
			postScore(app, kiosk, playId, 'ABC', now)
		]);
		expect(both[0]).toEqual(both[1]);
		expect(await todaysBoard(app, kiosk.id, now)).toHaveLength(1);
	});

	it('refuses unfinished rounds, other kiosks’ rounds and bad initials', async () => {
		const t = await teacher('t1');
		const { kiosk } = await kioskFor(t);
		const other = await kioskFor(t);
		const unfinished = (await startRound(app, kiosk, now)) ?? '';
		expect(await postScore(app, kiosk, unfinished, 'ABC', now)).toMatchObject({
			ok: false,
			status: 409
		});
		const finished = await finishRound(kiosk);
		expect(await postScore(app, other.kiosk, finished, 'ABC', now)).toMatchObject({
			ok: false,
			status: 404
		});
		expect(await postScore(app, kiosk, finished, 'KKK', now)).toMatchObject({
			ok: false,
			status: 400,
			message: expect.stringMatching(/can’t go on the board/)
		});
		expect(await postScore(app, kiosk, finished, 'A1', now)).toMatchObject({
			ok: false,
			status: 400
		});
		expect(await todaysBoard(app, kiosk.id, now)).toEqual([]);
		// Still postable after a refusal.
		expect((await postScore(app, kiosk, finished, 'ABC', now)).ok).toBe(true);
	});

	it('is refused when the kiosk keeps no board', async () => {
		const { kiosk } = await kioskFor(await teacher('t1'), { leaderboard: false });
		const playId = await finishRound(kiosk);
		expect(await postScore(app, kiosk, playId, 'ABC', now)).toMatchObject({
			ok: false,
			status: 409
		});
	});

	it('is per kiosk and per day, best first, ten at most', async () => {
		const t = await teacher('t1');
		const { kiosk } = await kioskFor(t);
		const other = await kioskFor(t);
		const insert = (kioskId: string, day: string, score: number, n: number) =>
			app.store
				.insertInto('leaderboard_entry')
				.values({
					id: `${kioskId}-${day}-${n}`,
					kiosk_id: kioskId,
					play_id: `${kioskId}-${day}-${n}`,
					day,
					initials: 'AAA',
					score,
					created_at: new Date(now.getTime() + n).toISOString()
				})
				.execute();
		for (let n = 0; n < 12; n++) await insert(kiosk.id, '2026-03-02', n * 100, n);
		await insert(kiosk.id, '2026-03-01', 5000, 99);
		await insert(other.kiosk.id, '2026-03-02', 9000, 98);
		const board = await todaysBoard(app, kiosk.id, now);
		expect(board.map((e) => e.score)).toEqual([1100, 1000, 900, 800, 700, 600, 500, 400, 300, 200]);
		expect(await todaysBoard(app, kiosk.id, now, null)).toHaveLength(12);
	});

	it('keeps no earlier day once today’s first score arrives', async () => {
		const { kiosk } = await kioskFor(await teacher('t1'));
		const yesterday = new Date(now.getTime() - 24 * 3600_000);
		await postScore(app, kiosk, await finishRound(kiosk), 'OLD', yesterday);
		expect(await todaysBoard(app, kiosk.id, yesterday)).toHaveLength(1);
		await postScore(app, kiosk, await finishRound(kiosk), 'NEW', now);
		const all = await app.store.selectFrom('leaderboard_entry').select('initials').execute();
		expect(all).toEqual([{ initials: 'NEW' }]);
	});

	it('entries are deleted by their kiosk’s owner only, and go with the kiosk', async () => {
		const t = await teacher('t1');
		const { id, kiosk } = await kioskFor(t);
		const other = await kioskFor(t);
		const posted = await postScore(app, kiosk, await finishRound(kiosk), 'ABC', now);
		if (!posted.ok) throw new Error('not posted');
		expect(await deleteEntry(app, other.id, posted.entryId)).toBe(false);
		expect(await todaysBoard(app, kiosk.id, now)).toHaveLength(1);
		expect(await deleteEntry(app, id, posted.entryId)).toBe(true);
		expect(await todaysBoard(app, kiosk.id, now)).toHaveLength(0);

		await postScore(app, kiosk, await finishRound(kiosk), 'XYZ', now);
		await deleteKiosk(app, id);
		expect(await app.store.selectFrom('leaderboard_entry').selectAll().execute()).toEqual([]);
	});
});

describe('a kiosk’s limits on what rounds draw', () => {
	it('draws only questions no harder than its difficulty and of its types', async () => {
		const owner = await teacher('t-limits');
		const { token } = await createKiosk(
			app,
			owner,
			{ ...settings, quizzes: ['mixed'], maxDifficulty: 1, questionTypes: ['true-false'] },
			now
		);
		const kiosk = await findKioskByToken(app, token);
		if (!kiosk) throw new Error('no kiosk');
		const pool = kioskQuiz(app.bank, kiosk, []).questionIds.map((id) => app.bank.question.get(id));
		expect(pool.length).toBeGreaterThan(0);
		expect(pool.every((q) => q?.difficulty === 1 && q.type === 'true-false')).toBe(true);
	});
});

describe('a kiosk drawing from its owner’s own questions', () => {
	async function ownArticle(teacherId: string) {
		const article = await addTestArticle(app, teacherId, now);
		const question = (prompt: string) => trueFalseOn(article, prompt);
		const saved = await saveQuestion(app, article, null, question('The council voted.'), now);
		return { article, question, saved };
	}

	it('asks the owner’s current versions, alone or beside the bank, and counts them in the pool', async () => {
		const owner = await teacher('t-own');
		const { article, saved } = await ownArticle(owner);
		const alone = { ...settings, quizzes: [], articles: [article] };
		expect(await kioskPoolSize(app, owner, alone)).toBe(1);
		const { kiosk } = await kioskFor(owner, alone);
		const round = await startRound(app, kiosk, now);
		expect((await findPlay(app.store, round ?? ''))?.question_ids).toBe(
			JSON.stringify([saved.versionId])
		);
		const beside = { ...alone, quizzes: ['skill-sourcing'] };
		expect(await kioskPoolSize(app, owner, beside)).toBe(
			(await kioskPoolSize(app, owner, { ...beside, articles: [] })) + 1
		);
		// The difficulty and kinds of question still apply to the owner's questions.
		expect(await kioskPoolSize(app, owner, { ...alone, questionTypes: ['single-choice'] })).toBe(0);
	});

	it('never draws another teacher’s questions, whatever ids its row names', async () => {
		const { article } = await ownArticle(await teacher('t-author'));
		const other = await teacher('t-other');
		const theirs = { ...settings, quizzes: [], articles: [article] };
		expect(await kioskPoolSize(app, other, theirs)).toBe(0);
		const { kiosk } = await kioskFor(other, theirs);
		expect(await startRound(app, kiosk, now)).toBeNull();
	});

	it('asks an edited question’s new version from the next round; the old round keeps its own', async () => {
		const owner = await teacher('t-edit');
		const { article, question, saved } = await ownArticle(owner);
		const { id, kiosk } = await kioskFor(owner, { ...settings, quizzes: [], articles: [article] });
		const first = await finishRound(kiosk);
		expect((await app.sources.kiosk.resolve(app.store, id))?.quiz.questionIds).toEqual([
			saved.versionId
		]);
		const edited = await saveQuestion(
			app,
			article,
			{ id: saved.id, articleId: article, versionId: saved.versionId, question: question('x') },
			question('The council voted to close it.'),
			now
		);
		expect(edited.newVersion).toBe(true);
		expect((await app.sources.kiosk.resolve(app.store, id))?.quiz.questionIds).toEqual([
			edited.versionId
		]);
		const next = await startRound(app, kiosk, now);
		expect((await getPlay(app, next ?? ''))?.current?.prompt).toBe(
			'The council voted to close it.'
		);
		expect((await findPlay(app.store, first))?.question_ids).toBe(
			JSON.stringify([saved.versionId])
		);
	});
});

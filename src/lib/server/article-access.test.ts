import { QUESTION_TYPES } from '$lib/bank/vocabulary';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from './app';
import { readableArticle } from './article-access';
import { saveQuestion } from './authored';
import { loadBankOrThrow } from './bank';
import { openTestStore } from './db/test-store';
import { addTestArticle, addTestTeacher, trueFalseOn } from './test-authored';
import { createKiosk, findKioskByToken, startRound } from './kiosks';
import { startPlay } from './plays';

const bank = loadBankOrThrow(resolve(import.meta.dirname, '../../../questions'));
const now = new Date('2026-03-02T10:00:00Z');

let app: App;

beforeEach(async () => {
	app = createApp(bank, await openTestStore(':memory:'));
});

const teacher = (id: string) => addTestTeacher(app, id, now);

/** A teacher's article with one question on it; returns the article and the question's version. */
async function ownArticle(teacherId: string) {
	const article = await addTestArticle(app, teacherId, now);
	const { versionId } = await saveQuestion(app, article, null, trueFalseOn(article), now);
	return { article, versionId };
}

const opens = async (articleId: string, request: Parameters<typeof readableArticle>[2]) =>
	(await readableArticle(app, articleId, request)) !== null;

describe('readableArticle', () => {
	it('opens the bank’s articles to anyone, and nothing that does not exist', async () => {
		const bankArticle = bank.articles[0].id;
		expect(await readableArticle(app, bankArticle, { teacherId: null, playId: null })).toEqual({
			article: bank.article.get(bankArticle),
			public: true
		});
		expect(await opens('t-missing', { teacherId: null, playId: null })).toBe(false);
	});

	it('opens a teacher’s article to its owner, and not to another teacher or a passer-by', async () => {
		const { article } = await ownArticle(await teacher('ann'));
		await teacher('bob');
		expect(await opens(article, { teacherId: 'ann', playId: null })).toBe(true);
		expect(await opens(article, { teacherId: 'bob', playId: null })).toBe(false);
		expect(await opens(article, { teacherId: null, playId: null })).toBe(false);
	});

	it('opens it for a play that asks about it, and not for another play', async () => {
		const { article, versionId } = await ownArticle(await teacher('ann'));
		const quiz = bank.quizzes[0];
		const asking = await startPlay(app, quiz, now, { questionIds: [versionId] });
		const other = await startPlay(app, quiz, now);
		expect(await opens(article, { teacherId: null, playId: asking })).toBe(true);
		expect(await opens(article, { teacherId: null, playId: other })).toBe(false);
		expect(await opens(article, { teacherId: null, playId: 'A'.repeat(22) })).toBe(false);
	});

	it('opens it on a kiosk only for that kiosk’s round that asks about it', async () => {
		const owner = await teacher('ann');
		const { article } = await ownArticle(owner);
		const settings = {
			title: 'Lobby',
			quizzes: [],
			articles: [article],
			roundSize: 5,
			idleSeconds: 60,
			leaderboard: false,
			maxDifficulty: 3,
			questionTypes: [...QUESTION_TYPES]
		};
		const mine = await createKiosk(app, owner, settings, now);
		const other = await createKiosk(app, owner, { ...settings, title: 'Hall' }, now);
		const kiosk = await findKioskByToken(app, mine.token);
		if (!kiosk) throw new Error('the new kiosk is not found by its token');
		const round = await startRound(app, kiosk, now);
		expect(round).not.toBeNull();
		expect(await opens(article, { teacherId: null, playId: round, kioskId: mine.id })).toBe(true);
		expect(await opens(article, { teacherId: null, playId: round, kioskId: other.id })).toBe(false);
	});
});

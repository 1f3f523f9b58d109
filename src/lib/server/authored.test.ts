import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { QUESTION_TYPES } from '$lib/bank/vocabulary';
import { createApp, type App } from './app';
import { questionPool } from './assignment-builder';
import { createAssignment } from './assignments';
import { readableArticle } from './article-access';
import {
	deleteOwnArticle,
	deleteOwnQuestion,
	exportOwnSet,
	findOwnArticle,
	findOwnQuestion,
	listArticleQuestions,
	listOwnArticles,
	listOwnQuestions,
	saveQuestion
} from './authored';
import { loadBankOrThrow } from './bank';
import { createClass } from './classes';
import { findArticleRow, findVersionRow } from './db/authored';
import { openTestStore } from './db/test-store';
import { addTestArticle, addTestTeacher, trueFalseOn } from './test-authored';
import { kioskPoolSize } from './kiosks';
import { getFeedback, startPlay, submitAnswer } from './plays';
import { copySharedSet, listSharedSets, shareOwnArticle } from './shared-sets';

const bank = loadBankOrThrow(resolve(import.meta.dirname, '../../../questions'));
const now = new Date('2026-03-02T10:00:00Z');

let app: App;

beforeEach(async () => {
	app = createApp(bank, await openTestStore(':memory:'));
});

const teacher = (id: string) => addTestTeacher(app, id, now);

/** A teacher's article with one true-false question on it. */
async function ownArticle(teacherId: string) {
	const article = await addTestArticle(app, teacherId, now);
	const { id, versionId } = await saveQuestion(app, article, null, trueFalseOn(article), now);
	return { article, question: id, versionId };
}

/** A play that asks this version, answered. */
async function answeredPlay(versionId: string): Promise<string> {
	const play = await startPlay(app, bank.quizzes[0], now, { questionIds: [versionId] });
	const form = new FormData();
	form.set('choice', 'True');
	const outcome = await submitAnswer(app, play, versionId, form, now);
	expect(outcome).toMatchObject({ kind: 'graded' });
	return play;
}

const KIOSK = {
	title: 'Lobby',
	quizzes: [],
	roundSize: 5,
	idleSeconds: 60,
	leaderboard: false,
	maxDifficulty: 3,
	questionTypes: [...QUESTION_TYPES]
};

describe('deleting a teacher’s question', () => {
	it('deletes an unused question for good', async () => {
		const ann = await teacher('ann');
		const { article, question, versionId } = await ownArticle(ann);
		expect(await deleteOwnQuestion(app, ann, article, question, now)).toBe('deleted');
		expect(await findVersionRow(app.store, versionId)).toBeUndefined();
		expect(await findOwnQuestion(app, ann, article, question)).toBeNull();
		expect(await listArticleQuestions(app, article)).toEqual([]);
		expect(await findOwnArticle(app, ann, article)).not.toBeNull();
	});

	it('withdraws an answered question: the play still grades and shows it, no list offers it', async () => {
		const ann = await teacher('ann');
		const { article, question, versionId } = await ownArticle(ann);
		const play = await answeredPlay(versionId);
		expect(await deleteOwnQuestion(app, ann, article, question, now)).toBe('withdrawn');

		expect(await findVersionRow(app.store, versionId)).toBeDefined();
		const shown = await getFeedback(app, play, 0, now);
		expect(shown?.feedback.question).toMatchObject({ prompt: 'The council voted.' });
		expect(shown?.feedback.grade.verdict).toBe('correct');

		expect(await findOwnQuestion(app, ann, article, question)).toBeNull();
		expect(await listArticleQuestions(app, article)).toEqual([]);
		expect(await listOwnQuestions(app, ann)).toEqual([]);
		expect((await questionPool(app, ann)).some((q) => q.id === versionId)).toBe(false);
		expect(await kioskPoolSize(app, ann, { ...KIOSK, articles: [article] })).toBe(0);
		expect((await listOwnArticles(app, ann))[0]).toMatchObject({ id: article, questions: 0 });
		expect(await deleteOwnQuestion(app, ann, article, question, now)).toBeNull();
	});

	it('withdraws a question an assignment asks, though no student has started', async () => {
		const ann = await teacher('ann');
		const { article, question, versionId } = await ownArticle(ann);
		const made = await createClass(app, ann, 'Class', now);
		if (!made.ok) throw new Error(made.message);
		await createAssignment(
			app,
			made.id,
			{
				title: 'Pool',
				instructions: '',
				questionOrder: 'fixed',
				feedback: 'each',
				reveal: 'question',
				attempts: 1,
				attemptCounts: 'best',
				opensAt: null,
				closesAt: null,
				timeLimitMinutes: null,
				names: 'typed',
				roster: []
			},
			[versionId],
			now
		);
		expect(await deleteOwnQuestion(app, ann, article, question, now)).toBe('withdrawn');
		expect(await findVersionRow(app.store, versionId)).toBeDefined();
	});

	it('does not delete another teacher’s question', async () => {
		const ann = await teacher('ann');
		const bob = await teacher('bob');
		const { article, question } = await ownArticle(ann);
		expect(await deleteOwnQuestion(app, bob, article, question, now)).toBeNull();
		expect(await findOwnQuestion(app, ann, article, question)).not.toBeNull();
	});
});

describe('deleting a teacher’s article', () => {
	it('deletes an unused article and its questions for good', async () => {
		const ann = await teacher('ann');
		const { article, versionId } = await ownArticle(ann);
		expect(await deleteOwnArticle(app, ann, article, now)).toBe('deleted');
		expect(await findArticleRow(app.store, article)).toBeUndefined();
		expect(await findVersionRow(app.store, versionId)).toBeUndefined();
		expect(await listOwnArticles(app, ann)).toEqual([]);
	});

	it('withdraws a played article: its play still opens it, nobody else, and nothing offers it', async () => {
		const ann = await teacher('ann');
		const { article, versionId } = await ownArticle(ann);
		await shareOwnArticle(app, ann, article, true, now);
		const play = await answeredPlay(versionId);
		expect(await deleteOwnArticle(app, ann, article, now)).toBe('withdrawn');

		expect((await getFeedback(app, play, 0, now))?.feedback.grade.verdict).toBe('correct');
		expect(await readableArticle(app, article, { teacherId: null, playId: play })).not.toBeNull();
		expect(await readableArticle(app, article, { teacherId: ann, playId: null })).toBeNull();

		expect(await listOwnArticles(app, ann)).toEqual([]);
		expect(await findOwnArticle(app, ann, article)).toBeNull();
		expect(await listOwnQuestions(app, ann)).toEqual([]);
		expect(await exportOwnSet(app, ann, article)).toBeNull();
		expect(await kioskPoolSize(app, ann, { ...KIOSK, articles: [article] })).toBe(0);
		expect(await listSharedSets(app, await teacher('bob'))).toEqual([]);
		expect(await deleteOwnArticle(app, ann, article, now)).toBeNull();
	});

	it('leaves another teacher’s earlier copy as it was', async () => {
		const ann = await teacher('ann');
		const bob = await teacher('bob');
		const { article } = await ownArticle(ann);
		await shareOwnArticle(app, ann, article, true, now);
		const copy = await copySharedSet(app, bob, article, now);
		if (!copy?.ok) throw new Error('the copy failed');
		expect(await deleteOwnArticle(app, ann, article, now)).toBe('deleted');
		expect((await listOwnArticles(app, bob)).map((a) => a.id)).toEqual([copy.id]);
		expect(await listArticleQuestions(app, copy.id)).toHaveLength(1);
	});

	it('does not delete another teacher’s article', async () => {
		const ann = await teacher('ann');
		const bob = await teacher('bob');
		const { article } = await ownArticle(ann);
		expect(await deleteOwnArticle(app, bob, article, now)).toBeNull();
		expect(await findOwnArticle(app, ann, article)).not.toBeNull();
	});
});

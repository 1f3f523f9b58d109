import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Question } from '$lib/bank/schema';
import type { Quiz } from '$lib/quiz/catalogue';
import type { PublicQuestion } from '$lib/quiz/public-question';
import { closeApp, createApp, type App } from './app';
import { loadBankOrThrow } from './bank';
import { openTestStore, testPostgres } from './db/test-store';
import { findAnswerRows as findAnswers, findPlayRow as findPlay } from './db/plays';
import {
	closeAssignment,
	createAssignment,
	findAssignment,
	reopenAssignment,
	settingsOf,
	updateAssignment
} from './assignments';
import type { AssignmentSettings } from '$lib/teach/assignment-settings';
import { createClass } from './classes';
import { newPlayId } from './ids';
import { attemptsOf, joinAssignment, startAttempt } from './students';
import {
	getFeedback as feedbackAt,
	getPlay as openPlay,
	getResults as resultsAt,
	startPlay,
	submitAnswer
} from './plays';

const bank = loadBankOrThrow(resolve(import.meta.dirname, '../../../questions'));
const now = new Date('2025-03-01T10:00:00Z');

function quiz(id: string): Quiz {
	const found = bank.quiz.get(id);
	if (!found) throw new Error(`the bank has no quiz ${id}`);
	return found;
}

function question(id: string): Question {
	const found = bank.question.get(id);
	if (!found) throw new Error(`the bank has no question ${id}`);
	return found;
}

/** The form a student posts to answer `shown` fully right. */
function rightAnswer(shown: PublicQuestion): FormData {
	const q = question(shown.id);
	const form = new FormData();
	switch (q.type) {
		case 'single-choice':
		case 'find-the-evidence':
			form.set('choice', q.answer);
			break;
		case 'true-false':
			form.set('choice', q.answer ? 'True' : 'False');
			break;
		case 'select-all':
			for (const a of q.answers) form.append('choices', a);
			break;
		case 'who-said-it':
			for (const item of shown.items)
				form.set(`place-${item.key}`, q.pairs[Number(item.key)].speaker);
			break;
		case 'fact-or-opinion':
			for (const item of shown.items)
				form.set(`place-${item.key}`, q.statements[Number(item.key)].label);
			break;
	}
	return form;
}

/** A well-formed answer to a sorting question with every item in the wrong place. */
function wrongAnswer(shown: PublicQuestion): FormData {
	const q = question(shown.id);
	if (q.type !== 'fact-or-opinion') throw new Error(`${q.id} is not a sorting question`);
	const form = new FormData();
	for (const item of shown.items) {
		const right = q.statements[Number(item.key)].label;
		form.set(`place-${item.key}`, q.labels.find((label) => label !== right) ?? right);
	}
	return form;
}

/** Where a play stands, as its pages see it. */
async function getPlay(app: App, id: string) {
	const open = await openPlay(app, id);
	return open && { ...open.play.progress(now), current: open.play.currentPublic(now) };
}

const getFeedback = (app: App, id: string, position: number) => feedbackAt(app, id, position, now);
const getResults = (app: App, id: string) => resultsAt(app, id, now);

async function questionIdsOf(app: App, playId: string): Promise<string[]> {
	const row = await findPlay(app.store, playId);
	if (!row) throw new Error(`no play ${playId}`);
	return JSON.parse(row.question_ids) as string[];
}

async function currentQuestion(app: App, playId: string): Promise<PublicQuestion> {
	const state = await getPlay(app, playId);
	if (!state?.current) throw new Error(`play ${playId} has no current question`);
	return state.current;
}

/** Answers the current question right and returns the outcome. */
async function answerRight(app: App, playId: string) {
	const shown = await currentQuestion(app, playId);
	return submitAnswer(app, playId, shown.id, rightAnswer(shown), now);
}

let dir: string;
let dbPath: string;
let app: App;

beforeEach(async () => {
	dir = mkdtempSync(join(tmpdir(), 'byline-plays-'));
	dbPath = join(dir, 'byline.db');
	app = createApp(bank, await openTestStore(dbPath));
});

afterEach(async () => {
	await closeApp(app);
	rmSync(dir, { recursive: true, force: true });
});

describe('starting and showing a play', () => {
	it('asks as many questions as its quiz’s size', async () => {
		const mixed = quiz('mixed');
		const id = await startPlay(app, mixed, now);
		const state = await getPlay(app, id);
		expect(state).toMatchObject({
			id,
			total: mixed.size,
			answered: 0,
			score: 0,
			streak: 0,
			finished: false
		});
		expect(mixed.questionIds.length).toBeGreaterThan(mixed.size);
		expect(await questionIdsOf(app, id)).toHaveLength(mixed.size);
	});

	it('shows the current question without its answer', async () => {
		const id = await startPlay(app, quiz('mixed'), now);
		const shown = await currentQuestion(app, id);
		const q = question(shown.id);
		const revealing = ['answer', 'answers', 'pairs', 'statements', 'explanation', 'evidence'];
		expect(Object.keys(shown).filter((key) => revealing.includes(key))).toEqual([]);
		expect(JSON.stringify(shown)).not.toContain(q.explanation);
		expect(shown.id).toBe((await questionIdsOf(app, id))[0]);
	});

	it('knows no unknown play', async () => {
		expect(await getPlay(app, newPlayId())).toBeNull();
	});
});

describe('submitting answers', () => {
	it('scores a right answer', async () => {
		const id = await startPlay(app, quiz('mixed'), now);
		const shown = await currentQuestion(app, id);
		expect(await answerRight(app, id)).toMatchObject({ kind: 'graded', position: 0 });
		const state = await getPlay(app, id);
		expect(state).toMatchObject({ answered: 1, score: 100 * shown.difficulty, streak: 1 });
		expect(state?.current?.id).not.toBe(shown.id);
	});

	it('counts a repeated answer once, whatever it says the second time', async () => {
		const id = await startPlay(app, quiz('mixed'), now);
		const shown = await currentQuestion(app, id);
		await submitAnswer(app, id, shown.id, rightAnswer(shown), now);
		const before = await getPlay(app, id);

		expect(await submitAnswer(app, id, shown.id, rightAnswer(shown), now)).toMatchObject({
			kind: 'duplicate',
			position: 0
		});
		expect(await submitAnswer(app, id, shown.id, new FormData(), now)).toMatchObject({
			kind: 'duplicate',
			position: 0
		});
		expect(await getPlay(app, id)).toEqual(before);
		expect(await findAnswers(app.store, id)).toHaveLength(1);
	});

	it('stores one answer when two copies of a request race', async () => {
		const id = await startPlay(app, quiz('mixed'), now);
		const shown = await currentQuestion(app, id);
		const outcomes = await Promise.all([
			submitAnswer(app, id, shown.id, rightAnswer(shown), now),
			submitAnswer(app, id, shown.id, rightAnswer(shown), now)
		]);
		expect(outcomes.map((o) => o.kind).sort()).toEqual(['duplicate', 'graded']);
		expect(await findAnswers(app.store, id)).toHaveLength(1);
		expect((await getPlay(app, id))?.score).toBe(100 * shown.difficulty);
	});

	it('stores one answer when two instances race on the last question with different answers', async () => {
		const other = createApp(bank, await openTestStore(dbPath));
		try {
			const playQuiz = quiz('skill-fact-vs-opinion');
			const id = await startPlay(app, playQuiz, now);
			for (let position = 1; position < playQuiz.size; position++) await answerRight(app, id);
			const shown = await currentQuestion(app, id);
			const outcomes = await Promise.all([
				submitAnswer(app, id, shown.id, rightAnswer(shown), now),
				submitAnswer(other, id, shown.id, wrongAnswer(shown), now)
			]);
			expect(outcomes.map((o) => o.kind).sort()).toEqual(['duplicate', 'graded']);
			for (const outcome of outcomes)
				expect(outcome).toMatchObject({ position: playQuiz.size - 1, finished: true });
			const stored = await findAnswers(app.store, id);
			expect(stored).toHaveLength(playQuiz.size);
			expect((await findPlay(app.store, id))?.finished_at).toBe(now.toISOString());
			// Whichever won, the score is what was stored for it, and both instances read the same.
			const score = stored.reduce((sum, a) => sum + a.points, 0);
			expect((await getPlay(app, id))?.score).toBe(score);
			expect((await getPlay(other, id))?.score).toBe(score);
		} finally {
			await closeApp(other);
		}
	});

	it('stores answers to many plays sent at the same moment, each play finished by its own last one', async () => {
		const playQuiz = quiz('skill-fact-vs-opinion');
		const ids = await Promise.all([1, 2, 3, 4, 5].map(() => startPlay(app, playQuiz, now)));
		// The last play is one question behind: its answer must not finish it.
		for (const [i, id] of ids.entries())
			for (let position = i === 4 ? 2 : 1; position < playQuiz.size; position++)
				await answerRight(app, id);
		const shown = await Promise.all(ids.map((id) => currentQuestion(app, id)));
		const outcomes = await Promise.all([
			...ids.map((id, i) => submitAnswer(app, id, shown[i].id, rightAnswer(shown[i]), now)),
			submitAnswer(app, ids[0], shown[0].id, rightAnswer(shown[0]), now)
		]);
		expect(outcomes.map((o) => o.kind)).toEqual([
			'graded',
			'graded',
			'graded',
			'graded',
			'graded',
			'duplicate'
		]);
		for (const id of ids.slice(0, 4)) {
			expect(await findAnswers(app.store, id)).toHaveLength(playQuiz.size);
			expect((await findPlay(app.store, id))?.finished_at).toBe(now.toISOString());
		}
		expect(await findAnswers(app.store, ids[4])).toHaveLength(playQuiz.size - 1);
		expect((await findPlay(app.store, ids[4]))?.finished_at).toBeNull();
	});

	it('marks a play finished when an answer comes after its time limit, and stores no answer', async () => {
		const deadline = new Date(now.getTime() + 60_000);
		const id = await startPlay(app, quiz('mixed'), now, { deadline });
		const shown = await currentQuestion(app, id);
		const late = new Date(deadline.getTime() + 1000);
		expect(await submitAnswer(app, id, shown.id, rightAnswer(shown), late)).toMatchObject({
			kind: 'rejected',
			ended: true
		});
		expect((await findPlay(app.store, id))?.finished_at).toBe(late.toISOString());
		expect(await findAnswers(app.store, id)).toHaveLength(0);
	});

	it('refuses an answer to a later question with 409', async () => {
		const id = await startPlay(app, quiz('mixed'), now);
		const later = question((await questionIdsOf(app, id))[2]);
		const outcome = await submitAnswer(app, id, later.id, new FormData(), now);
		expect(outcome).toMatchObject({ kind: 'rejected', status: 409 });
		expect(await findAnswers(app.store, id)).toHaveLength(0);
	});

	it('refuses a question that is not in the play, or none, with 400', async () => {
		const id = await startPlay(app, quiz('mixed'), now);
		const asked = await questionIdsOf(app, id);
		const other = bank.questions.find((q) => !asked.includes(q.id));
		expect(await submitAnswer(app, id, other?.id, new FormData(), now)).toEqual({
			kind: 'rejected',
			status: 400,
			message: 'That question is not part of this play.'
		});
		expect(await submitAnswer(app, id, undefined, new FormData(), now)).toMatchObject({
			kind: 'rejected',
			status: 400
		});
	});

	it('refuses a malformed answer with 400 and the parser’s message', async () => {
		const id = await startPlay(app, quiz('mixed'), now);
		const shown = await currentQuestion(app, id);
		const outcome = await submitAnswer(app, id, shown.id, new FormData(), now);
		expect(outcome).toMatchObject({ kind: 'rejected', status: 400 });
		expect(await findAnswers(app.store, id)).toHaveLength(0);
	});

	it('refuses an answer to an unknown play with 404', async () => {
		const outcome = await submitAnswer(app, newPlayId(), bank.questions[0].id, new FormData(), now);
		expect(outcome).toMatchObject({ kind: 'rejected', status: 404 });
	});
});

describe('finishing a play', () => {
	it('finishes after the last answer, then takes no more answers', async () => {
		const playQuiz = quiz('skill-fact-vs-opinion');
		const id = await startPlay(app, playQuiz, now);
		for (let position = 0; position < playQuiz.size; position++)
			expect(await answerRight(app, id)).toMatchObject({ kind: 'graded', position });

		const state = await getPlay(app, id);
		expect(state).toMatchObject({ finished: true, current: null, answered: playQuiz.size });
		expect((await findPlay(app.store, id))?.finished_at).toBe(now.toISOString());

		const asked = await questionIdsOf(app, id);
		const other = bank.questions.find((q) => !asked.includes(q.id));
		expect(await submitAnswer(app, id, other?.id, new FormData(), now)).toMatchObject({
			kind: 'rejected',
			status: 409
		});
		expect(await submitAnswer(app, id, asked[0], new FormData(), now)).toMatchObject({
			kind: 'duplicate',
			position: 0
		});
		expect(await findAnswers(app.store, id)).toHaveLength(playQuiz.size);
	});

	it('gives feedback only for answered positions', async () => {
		const id = await startPlay(app, quiz('mixed'), now);
		const shown = await currentQuestion(app, id);
		expect(await getFeedback(app, id, 0)).toBeNull();

		await answerRight(app, id);
		const answered = await getFeedback(app, id, 0);
		expect(answered?.feedback).toMatchObject({
			position: 0,
			points: 100 * shown.difficulty,
			bonus: 0,
			streak: 1,
			explanation: question(shown.id).explanation
		});
		expect(answered?.feedback.grade.verdict).toBe('correct');
		expect(await getFeedback(app, id, 1)).toBeNull();
		expect(await getFeedback(app, newPlayId(), 0)).toBeNull();
	});

	it('gives results only once the play is finished, with streak bonuses in the score', async () => {
		const playQuiz = quiz('skill-fact-vs-opinion');
		const id = await startPlay(app, playQuiz, now);
		const difficulties: number[] = [];
		for (let position = 0; position < playQuiz.size; position++) {
			expect(await getResults(app, id)).toBeNull();
			difficulties.push((await currentQuestion(app, id)).difficulty);
			await answerRight(app, id);
		}

		const results = await getResults(app, id);
		// 100 × difficulty for each, plus 50 from the third right answer in a row on.
		const expected = difficulties.reduce((sum, d, i) => sum + 100 * d + (i >= 2 ? 50 : 0), 0);
		expect(results?.summary).toMatchObject({
			score: expected,
			questions: playQuiz.size,
			fullyRight: playQuiz.size,
			percent: 100,
			weakest: null
		});
		expect(results?.open.play.score).toBe(expected);
		expect(results?.answers.map((a) => a.bonus)).toEqual(
			difficulties.map((_, i) => (i >= 2 ? 50 : 0))
		);
	});
});

describe('the store', () => {
	it('keeps a play, its answers and its score when the store is closed and reopened', async () => {
		const id = await startPlay(app, quiz('mixed'), now);
		await answerRight(app, id);
		await answerRight(app, id);
		const state = await getPlay(app, id);
		const answers = await findAnswers(app.store, id);

		await closeApp(app);
		app = createApp(bank, await openTestStore(dbPath));

		expect(await getPlay(app, id)).toEqual(state);
		expect(await findAnswers(app.store, id)).toEqual(answers);
		expect(state?.answered).toBe(2);
		expect(state?.score).toBeGreaterThan(0);
	});

	it.skipIf(testPostgres)('writes through a WAL journal with synchronous=FULL', async () => {
		const journal = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(app.store);
		const synchronous = await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(app.store);
		expect(journal.rows[0].journal_mode).toBe('wal');
		expect(synchronous.rows[0].synchronous).toBe(2);

		// WAL is a property of the file itself, seen by any other connection too.
		const other = new BetterSqlite3(dbPath, { readonly: true });
		try {
			expect(other.pragma('journal_mode', { simple: true })).toBe('wal');
		} finally {
			other.close();
		}
	});

	it.runIf(testPostgres)('commits on PostgreSQL with synchronous_commit on (durable)', async () => {
		const setting = await sql<{ synchronous_commit: string }>`SHOW synchronous_commit`.execute(
			app.store
		);
		expect(setting.rows[0].synchronous_commit).toBe('on');
	});
});

describe('a bank that changed since the play began', () => {
	it('skips a removed question and keeps every other answer in its place', async () => {
		const id = await startPlay(app, quiz('mixed'), now);
		const ids = await questionIdsOf(app, id);
		await answerRight(app, id);
		await answerRight(app, id);
		// The second question (answered) and the fourth (not yet) leave the bank.
		const trimmed = new Map(bank.question);
		trimmed.delete(ids[1]);
		trimmed.delete(ids[3]);
		const changed = createApp({ ...bank, question: trimmed }, app.store);

		const state = await getPlay(changed, id);
		expect(state?.total).toBe(ids.length - 2);
		expect(state?.answered).toBe(1);
		expect(state?.current?.id).toBe(ids[2]);
		expect((await getFeedback(changed, id, 0))?.feedback.question.id).toBe(ids[0]);

		// Answering goes on without colliding with the stored answer of the removed question.
		for (let i = 0; i < ids.length - 3; i++)
			expect((await answerRight(changed, id)).kind).toBe('graded');
		const results = await getResults(changed, id);
		expect(results?.answers.map((a) => a.question.id)).toEqual(
			ids.filter((_, i) => i !== 1 && i !== 3)
		);
	});
});

/** A teacher, a class and an assignment of three framing questions, and a student's first attempt. */
async function assignmentAttempt(settings: Partial<AssignmentSettings> = {}) {
	await app.store
		.insertInto('teacher')
		.values({
			id: 't',
			email: 't@x.org',
			display_name: 'T',
			password_hash: 'x',
			created_at: now.toISOString()
		})
		.execute();
	const made = await createClass(app, 't', 'Class', now);
	if (!made.ok) throw new Error(made.message);
	const ids = quiz('skill-framing').questionIds.slice(0, 3);
	const assignmentId = await createAssignment(
		app,
		made.id,
		{
			title: 'Framing',
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
			roster: [],
			...settings
		},
		ids,
		now
	);
	const a = await findAssignment(app, assignmentId);
	if (!a) throw new Error('no assignment');
	const joined = await joinAssignment(app, a, 'Sam', now);
	if (!joined.ok) throw new Error(joined.message);
	const started = await startAttempt(app, a, joined.student, now);
	if (!started.ok) throw new Error(started.message);
	return { a, ids, student: joined.student, playId: started.playId };
}

describe('revealing right answers as the assignment says', () => {
	it('after the last attempt: attempt 1 shows the verdicts but not the right answers', async () => {
		const { a, student, playId } = await assignmentAttempt({
			reveal: 'last-attempt',
			attempts: 2
		});
		for (let i = 0; i < 3; i++) await answerRight(app, playId);
		const first = await getResults(app, playId);
		expect(first?.revealNote).toMatch(/after your last attempt/);
		expect(first?.answers.every((f) => !f.revealed && f.explanation === '')).toBe(true);
		expect(first?.answers.flatMap((f) => f.options.filter((o) => o.correct))).toEqual([]);
		expect(first?.answers.flatMap((f) => f.evidence)).toEqual([]);
		expect(first?.answers.map((f) => f.grade.verdict)).toEqual(['correct', 'correct', 'correct']);
		const feedback = await getFeedback(app, playId, 0);
		expect(feedback?.feedback.revealed).toBe(false);

		const second = await startAttempt(app, a, student, now);
		if (!second.ok) throw new Error(second.message);
		for (let i = 0; i < 3; i++) await answerRight(app, second.playId);
		expect((await getResults(app, second.playId))?.revealNote).toBeNull();
		// The last attempt is used: attempt 1's answers are open too.
		expect((await getResults(app, playId))?.answers.every((f) => f.revealed)).toBe(true);
	});

	it('when the assignment closes: closing it lays the answers open', async () => {
		const { a, playId } = await assignmentAttempt({ reveal: 'closed' });
		for (let i = 0; i < 3; i++) await answerRight(app, playId);
		expect((await getResults(app, playId))?.revealNote).toMatch(/closes the assignment/);
		await closeAssignment(app, a.id, now);
		expect((await getResults(app, playId))?.revealNote).toBeNull();
	});
});

describe('editing an assignment', () => {
	it('changes the questions of begun plays until the first answer, then refuses and says why', async () => {
		const { a, ids, playId } = await assignmentAttempt();
		const settings = { ...settingsOf(a), title: 'Framing, again', reveal: 'attempt' as const };
		const fewer = [ids[2], ids[0]];
		expect(await updateAssignment(app, a, settings, fewer)).toEqual({ ok: true });
		expect(await questionIdsOf(app, playId)).toEqual(fewer);
		// The cached source forgot the old title and reveal rule.
		const open = await openPlay(app, playId);
		expect(open?.source.quiz.title).toBe('Framing, again');
		expect(open?.source.reveal.when).toBe('attempt');

		await answerRight(app, playId);
		const again = await updateAssignment(app, a, settings, ids);
		expect(again.ok).toBe(false);
		expect(!again.ok && again.message).toMatch(/a student has already answered/);
		expect(await questionIdsOf(app, playId)).toEqual(fewer);
		expect(await updateAssignment(app, a, { ...settings, attempts: 3 }, null)).toEqual({
			ok: true
		});
		expect((await findAssignment(app, a.id))?.attempts).toBe(3);
	});
});

describe('one rule for finished, asked by every page', () => {
	it('the play page and the join page agree once an unanswered question leaves the bank', async () => {
		const { ids, student, playId } = await assignmentAttempt();
		await answerRight(app, playId);
		await answerRight(app, playId);

		// The last, unanswered question leaves the bank: two of two are answered.
		const trimmed = new Map(bank.question);
		trimmed.delete(ids[2]);
		const changed = createApp({ ...bank, question: trimmed }, app.store);
		expect((await getPlay(changed, playId))?.finished).toBe(true);
		const [attempt] = await attemptsOf(changed, student.id, now);
		expect(attempt.finished).toBe(true);
		expect((await getPlay(app, playId))?.finished).toBe(false);
		expect((await attemptsOf(app, student.id, now))[0].finished).toBe(false);
	});
});

describe('feedback', () => {
	it('reads the grade the answer was stored with and does not grade again', async () => {
		const id = await startPlay(app, quiz('mixed'), now);
		const shown = await currentQuestion(app, id);
		await answerRight(app, id);
		// Were the feedback graded again, a question whose right answer changed would now be wrong.
		const q = question(shown.id);
		const changedQuestion = { ...q, explanation: q.explanation } as Question;
		if (changedQuestion.type === 'single-choice' || changedQuestion.type === 'find-the-evidence') {
			const right = changedQuestion.answer;
			changedQuestion.answer = changedQuestion.options.find((o) => o !== right) ?? '';
		} else if (changedQuestion.type === 'true-false')
			changedQuestion.answer = !changedQuestion.answer;
		else if (changedQuestion.type === 'select-all') changedQuestion.answers = [];
		else if (changedQuestion.type === 'who-said-it')
			changedQuestion.pairs = changedQuestion.pairs.map((p) => ({ ...p, speaker: 'Nobody' }));
		else changedQuestion.statements = changedQuestion.statements.map((s) => ({ ...s, label: 'x' }));
		const trimmed = new Map(bank.question);
		trimmed.set(q.id, changedQuestion);
		const changed = createApp({ ...bank, question: trimmed }, app.store);
		const found = await getFeedback(changed, id, 0);
		expect(found?.feedback.grade.verdict).toBe('correct');
		expect(found?.feedback.points).toBe(100 * shown.difficulty);
	});
});

describe('a source’s cached settings', () => {
	it('follow the teacher: closing an assignment stops answers at once, reopening lets them in', async () => {
		const { a, playId } = await assignmentAttempt();
		expect((await answerRight(app, playId)).kind).toBe('graded');
		await closeAssignment(app, a.id, now);
		expect(await answerRight(app, playId)).toMatchObject({
			kind: 'rejected',
			status: 409,
			message: 'Your teacher has closed this assignment, so it takes no more answers.'
		});
		await reopenAssignment(app, a.id);
		expect((await answerRight(app, playId)).kind).toBe('graded');
	});
});

import { randomBytes } from 'node:crypto';
import { drawQuestions, type Quiz } from '$lib/quiz/catalogue';
import { Play, type AnswerRecord, type PlayOwner, type PlayProgress } from '$lib/quiz/play';
import { toPublicQuestion, type PublicQuestion } from '$lib/quiz/public-question';
import { summarizeResults, type ResultSummary } from '$lib/quiz/results';
import { revealPromise, type RevealRule } from '$lib/quiz/reveal';
import { reviewAnswer, withholdAnswers, type ReviewedQuestion } from '$lib/quiz/review';
import type { App } from './app';
import {
	loadPlaysOfStudent,
	markFinishedAsync,
	readPlay,
	savePlay,
	storeAnswerAsync,
	type StoredPlay
} from './db/plays';
import { newPlayId } from './ids';
import { resolvePlaySource, type PlaySource } from './play-sources';

/** A play with what its pages need from its source. */
export interface OpenPlay {
	play: Play;
	owner: PlayOwner;
	source: PlaySource;
}

export interface Feedback extends ReviewedQuestion {
	position: number;
	points: number;
	bonus: number;
	streak: number;
}

export type AnswerOutcome =
	| { kind: 'graded'; position: number; feedback: 'each' | 'end'; finished: boolean }
	| { kind: 'duplicate'; position: number; feedback: 'each' | 'end'; finished: boolean }
	| { kind: 'rejected'; status: 400 | 404 | 409; message: string; ended?: true };

export interface PlayOptions {
	/** The questions in the order asked; drawn from the quiz when not given. */
	questionIds?: string[];
	/** Whose play it is: a quiz from the home page unless an assignment or a kiosk is named. */
	owner?: PlayOwner;
	studentId?: string;
	attempt?: number;
	deadline?: Date | null;
	feedback?: 'each' | 'end';
}

export async function startPlay(
	app: App,
	quiz: Quiz,
	now: Date,
	options: PlayOptions = {}
): Promise<string> {
	const id = newPlayId();
	const seed = randomBytes(8).toString('hex');
	const record = {
		id,
		questionIds: options.questionIds ?? drawQuestions(quiz, app.bank.question, seed),
		seed,
		createdAt: now.toISOString(),
		finishedAt: null,
		studentId: options.studentId ?? null,
		attempt: options.attempt ?? null,
		deadline: options.deadline?.toISOString() ?? null,
		feedback: options.feedback ?? 'each'
	};
	const owner = options.owner ?? { kind: 'quiz' as const, quizId: quiz.id };
	// On SQLite, plays started at the same moment (a class told to begin) share one commit too.
	await savePlay(app.store, record, owner);
	return id;
}

function opened(app: App, stored: StoredPlay, source: PlaySource | null): OpenPlay | null {
	if (!source) return null;
	return {
		play: new Play(stored.record, stored.answers, app.bank.question),
		owner: stored.owner,
		source
	};
}

/** On either store (`readPlay`), with the owner's settings from the sources' cache. */
async function openPlay(app: App, id: string): Promise<OpenPlay | null> {
	const stored = await readPlay(app.store, id);
	return (
		stored && opened(app, stored, await resolvePlaySource(app.sources, app.store, stored.owner))
	);
}

/** The play with its source; null when there is no such play or its owner is gone. */
export async function getPlay(app: App, id: string): Promise<OpenPlay | null> {
	return openPlay(app, id);
}

const NO_PLAY = 'This play does not exist. Start a quiz from the home page.';

function sameOwner(a: PlayOwner, b: PlayOwner): boolean {
	if (a.kind === 'quiz' || b.kind === 'quiz') return a.kind === b.kind;
	return a.kind === b.kind && a.id === b.id;
}

/** What an answer does: the outcome, and the rows to write before it may be told. */
interface Decision {
	outcome: AnswerOutcome;
	/** The play ran out of time: mark it finished. */
	timeUp?: true;
	/** An accepted answer: store it (a conflict makes the outcome `duplicate`), then the rest. */
	store?: { answer: AnswerRecord; finishes: boolean; studentId: string | null };
}

function decide(
	open: OpenPlay | null,
	questionId: unknown,
	form: FormData,
	now: Date,
	owner?: PlayOwner
): Decision {
	if (!open || (owner && !sameOwner(owner, open.owner)))
		return { outcome: { kind: 'rejected', status: 404, message: NO_PLAY } };
	const { play, source } = open;
	const accepted = play.accept({ questionId, form }, now, source.closed(now));
	switch (accepted.kind) {
		case 'rejected':
			return {
				outcome: {
					kind: 'rejected',
					status: accepted.status,
					message: accepted.message,
					...(accepted.ended ? { ended: true as const } : {})
				},
				...(accepted.timeUp ? { timeUp: true as const } : {})
			};
		case 'duplicate':
			return {
				outcome: {
					kind: 'duplicate',
					position: accepted.index,
					feedback: accepted.feedback,
					finished: accepted.finished
				}
			};
		case 'graded':
			return {
				outcome: {
					kind: 'graded',
					position: accepted.index,
					feedback: accepted.feedback,
					finished: accepted.finishes
				},
				store: {
					answer: accepted.answer,
					finishes: accepted.finishes,
					studentId: play.record.studentId
				}
			};
	}
}

/** A graded answer the constraints turned away: an identical copy got there first. */
function asDuplicate(outcome: AnswerOutcome): AnswerOutcome {
	return outcome.kind === 'graded' ? { ...outcome, kind: 'duplicate' } : outcome;
}

/**
 * Grades and stores one answer: read the play, ask it to accept the answer, write the answer with
 * the finished mark and the student's activity; the outcome is returned only once that write is
 * durable. Answers of the same moment share their write: on SQLite the answer thread
 * commits and flushes them together, on PostgreSQL they are one statement. Two requests racing on
 * one play (two copies, or two instances) both grade; the store's constraints keep one answer,
 * and the other is told what the play now holds. `owner`, when given, must be the play's (a kiosk
 * answers only its rounds).
 */
export async function submitAnswer(
	app: App,
	id: string,
	questionId: unknown,
	form: FormData,
	now: Date,
	owner?: PlayOwner
): Promise<AnswerOutcome> {
	let assignmentId: string | null = null;
	const stored = (open: OpenPlay | null) => {
		if (open?.owner.kind === 'assignment') assignmentId = open.owner.id;
	};
	const outcome = await storeAnswer(app, id, questionId, form, now, owner, stored);
	// The teacher's dashboard, on whichever instance it is open, hears of the answer once it is
	// stored; a class answering together is one message per assignment every moment, not one each.
	if (outcome.kind === 'graded' && assignmentId) app.bus.announce(`assignment:${assignmentId}`);
	return outcome;
}

/**
 * One read, the grade in Node, one write. No transaction or row lock is held between them: an
 * answer the constraints turn away (a racing copy, or another instance's answer to the same
 * question) was beaten by one already stored, so the play is read again and asked once more,
 * which makes it a duplicate with the play's true state.
 */
async function storeAnswer(
	app: App,
	id: string,
	questionId: unknown,
	form: FormData,
	now: Date,
	owner: PlayOwner | undefined,
	seen: (open: OpenPlay | null) => void
): Promise<AnswerOutcome> {
	const at = now.toISOString();
	for (let attempt = 0; ; attempt++) {
		const open = await openPlay(app, id);
		seen(open);
		const { outcome, timeUp, store } = decide(open, questionId, form, now, owner);
		if (timeUp) await markFinishedAsync(app.store, id, at);
		if (!store) return outcome;
		const effects = { at, finishes: store.finishes, studentId: store.studentId };
		if (await storeAnswerAsync(app.store, id, store.answer, effects)) return outcome;
		// The second reading sees the answer that won (or that the play is gone). Only if that
		// answer vanished again in between does it come to this: a duplicate, as before.
		if (attempt > 0) return asDuplicate(outcome);
	}
}

function review(play: Play, index: number, revealed: boolean): Feedback | null {
	const answered = play.answeredAt(index);
	if (!answered) return null;
	const { question, answer, grade, bonus } = answered;
	const shown: PublicQuestion = toPublicQuestion(question, play.record.seed);
	const full = reviewAnswer(question, shown, answer.response, grade);
	return {
		...(revealed ? full : withholdAnswers(full)),
		position: index,
		points: answer.points,
		bonus,
		streak: answer.streak
	};
}

/** The source's reveal rule as it stands now (closing the assignment, or a last attempt, can reveal). */
async function revealRuleOf(app: App, open: OpenPlay, now: Date): Promise<RevealRule> {
	const rule: RevealRule = { ...open.source.reveal, closed: open.source.closed(now) !== null };
	const { studentId } = open.play.record;
	if (rule.when === 'last-attempt' && studentId)
		rule.lastAttemptFinished = (await loadPlaysOfStudent(app.store, studentId)).some(
			(p) =>
				(p.record.attempt ?? 1) >= rule.attempts &&
				new Play(p.record, p.answers, app.bank.question).isFinished(now)
		);
	return rule;
}

/** Whether the play's right answers may be shown now, and if not, the sentence that says when. */
async function revealOf(
	app: App,
	open: OpenPlay,
	now: Date
): Promise<{ revealed: boolean; revealNote: string | null }> {
	const rule = await revealRuleOf(app, open, now);
	const revealed = open.play.answersRevealed(now, rule);
	return { revealed, revealNote: revealed ? null : revealPromise(rule) };
}

/**
 * The answer to one question as it was stored, only once the student has answered it (and, with
 * feedback at the end, finished); the right answer, explanation and evidence only as the source's
 * reveal rule allows. Nothing is graded again: the grade is read from the answer.
 */
export async function getFeedback(
	app: App,
	id: string,
	position: number,
	now: Date
): Promise<{ open: OpenPlay; feedback: Feedback; revealNote: string | null } | null> {
	const open = await openPlay(app, id);
	if (!open || !open.play.mayReveal(position, now)) return null;
	const { revealed, revealNote } = await revealOf(app, open, now);
	const feedback = review(open.play, position, revealed);
	return feedback && { open, feedback, revealNote };
}

/** Over once every question is answered, the time is up, or the play's owner has closed. */
export function playIsOver(open: OpenPlay, now: Date): boolean {
	return open.play.isFinished(now) || open.source.closed(now) !== null;
}

/** Every answer with its review and the summary, only once the play is finished. */
export async function getResults(
	app: App,
	id: string,
	now: Date
): Promise<{
	open: OpenPlay;
	answers: Feedback[];
	summary: ResultSummary;
	/** Why a play ended before its last question, if it did. */
	endedEarly: 'time' | 'closed' | null;
	/** While the reveal rule withholds the right answers: when the student will see them. */
	revealNote: string | null;
} | null> {
	const open = await openPlay(app, id);
	if (!open) return null;
	const { play } = open;
	if (!playIsOver(open, now)) return null;
	const early = play.answered < play.total;
	const closed = open.source.closed(now) !== null;
	const endedEarly = !early ? null : play.isTimeUp(now) ? 'time' : closed ? 'closed' : null;
	const summary = summarizeResults(
		play.answers.map((a, i) => ({
			skill: play.questions[i].skill,
			credit: a.credit,
			points: a.points
		})),
		play.total
	);
	const { revealed, revealNote } = await revealOf(app, open, now);
	return { open, answers: reviewAll(play, revealed), summary, endedEarly, revealNote };
}

function reviewAll(play: Play, revealed: boolean): Feedback[] {
	return play.answers.map((_, i) => review(play, i, revealed)).filter((f) => f !== null);
}

/** Every answer so far with its review, finished or not: for the teacher's view of a student. */
export function reviewPlay(play: Play): Feedback[] {
	return reviewAll(play, true);
}

/** What a play's pages show about where the student stands: no answers, only progress. */
export function playProgress(open: OpenPlay, now: Date): PlayProgress & { title: string } {
	return { ...open.play.progress(now), title: open.source.quiz.title };
}

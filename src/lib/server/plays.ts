import { randomBytes } from 'node:crypto';
import type { Question } from '$lib/bank/schema';
import { drawQuestions, type Quiz } from '$lib/quiz/catalogue';
import { gradeAnswer } from '$lib/quiz/grading';
import { toPublicQuestion, type PublicQuestion } from '$lib/quiz/public-question';
import { parseResponse, type QuizResponse } from '$lib/quiz/response';
import { summarizeResults, type ResultSummary } from '$lib/quiz/results';
import { reviewAnswer, type ReviewedQuestion } from '$lib/quiz/review';
import { basePoints, scoreAnswer } from '$lib/quiz/scoring';
import type { App } from './app';
import { newPlayId } from './ids';
import { resolvePlaySource } from './play-sources';
import {
	findAnswers,
	findPlay,
	insertAnswer,
	insertPlay,
	markFinished,
	touchStudent,
	type StoredAnswer
} from './db/plays';
import { serverNow } from './clock';

export interface PlayState {
	id: string;
	quiz: Quiz;
	home: string;
	total: number;
	/** How many questions are answered; also the 0-based position of the current question. */
	answered: number;
	score: number;
	streak: number;
	finished: boolean;
	/** 'end': no feedback until the results (an assignment setting). */
	feedback: 'each' | 'end';
	/** ISO time when a time limit ends the play, or null. */
	deadline: string | null;
	current: PublicQuestion | null;
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
	| { kind: 'rejected'; status: 400 | 404 | 409; message: string };

export interface PlayOptions {
	/** The questions in the order asked; drawn from the quiz when not given. */
	questionIds?: string[];
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
	const questionIds = options.questionIds ?? drawQuestions(quiz, app.bank.question, seed);
	await insertPlay(app.store, {
		id,
		quiz_id: quiz.id,
		question_ids: JSON.stringify(questionIds),
		seed,
		created_at: now.toISOString(),
		finished_at: null,
		student_id: options.studentId ?? null,
		attempt: options.attempt ?? null,
		deadline_at: options.deadline?.toISOString() ?? null,
		feedback: options.feedback ?? 'each'
	});
	return id;
}

interface LoadedPlay {
	id: string;
	studentId: string | null;
	quiz: Quiz;
	home: string;
	closedMessage: string | null;
	seed: string;
	/** The play's questions that the bank still has, in order; positions below index this list. */
	questions: Question[];
	/** Where each of `questions` is stored: its place in the play as it was started. */
	storedPositions: number[];
	answers: StoredAnswer[];

	feedback: 'each' | 'end';
	deadline: string | null;
	timeUp: boolean;
	finished: boolean;
}

async function loadPlay(app: App, id: string, now = serverNow()): Promise<LoadedPlay | null> {
	const row = await findPlay(app.store, id);
	if (!row) return null;
	const source = await resolvePlaySource(app, row.quiz_id, now);
	if (!source) return null;
	// A question removed from the bank since the play began is skipped, not misaligned.
	const slots = (JSON.parse(row.question_ids) as string[])
		.map((qid, stored) => ({ question: app.bank.question.get(qid), stored }))
		.filter((s): s is { question: Question; stored: number } => s.question !== undefined);
	const questions = slots.map((s) => s.question);
	const storedPositions = slots.map((s) => s.stored);
	const answers = (await findAnswers(app.store, id))
		.map((a) => ({ ...a, position: storedPositions.indexOf(a.position) }))
		.filter((a) => a.position !== -1);

	const timeUp = row.deadline_at !== null && new Date(row.deadline_at) <= now;
	return {
		id,
		studentId: row.student_id,
		quiz: source.quiz,
		home: source.home,
		closedMessage: source.closedMessage,
		seed: row.seed,
		questions,
		storedPositions,
		answers,

		feedback: row.feedback,
		deadline: row.deadline_at,
		timeUp,
		finished: row.finished_at !== null || answers.length >= questions.length || timeUp
	};
}

function stateOf(play: LoadedPlay): PlayState {
	const next = play.questions[play.answers.length];
	return {
		id: play.id,
		quiz: play.quiz,
		home: play.home,
		total: play.questions.length,
		answered: play.answers.length,
		score: play.answers.reduce((sum, a) => sum + a.points, 0),
		streak: play.answers.at(-1)?.streak ?? 0,
		finished: play.finished,
		feedback: play.feedback,
		deadline: play.deadline,
		current: play.finished || !next ? null : toPublicQuestion(next, play.seed)
	};
}

export async function getPlay(app: App, id: string): Promise<PlayState | null> {
	const play = await loadPlay(app, id);
	return play && stateOf(play);
}

/**
 * Grades and stores one answer. Only the current question may be answered; a repeat of an answer
 * already stored (double click, retry, back button) is reported as a duplicate and counts once.
 */
export async function submitAnswer(
	app: App,
	id: string,
	questionId: unknown,
	form: FormData,
	now: Date
): Promise<AnswerOutcome> {
	const play = await loadPlay(app, id, now);
	if (!play)
		return {
			kind: 'rejected',
			status: 404,
			message: 'This play does not exist. Start a quiz from the home page.'
		};
	if (typeof questionId !== 'string' || questionId === '') {
		return {
			kind: 'rejected',
			status: 400,
			message: 'The answer did not say which question it is for. Reload the page and answer again.'
		};
	}
	const position = play.questions.findIndex((q) => q.id === questionId);
	const after = { feedback: play.feedback, finished: play.finished };
	if (play.answers.some((a) => a.position === position))
		return { kind: 'duplicate', position, ...after };
	if (play.timeUp) {
		await markFinished(app.store, id, now.toISOString());
		return {
			kind: 'rejected',
			status: 409,
			message: 'Time is up for this quiz. The answers you gave before the time limit count.'
		};
	}
	if (play.finished)
		return {
			kind: 'rejected',
			status: 409,
			message: 'This play is finished, so it takes no more answers. See your results or play again.'
		};
	if (play.closedMessage) return { kind: 'rejected', status: 409, message: play.closedMessage };
	if (position === -1)
		return { kind: 'rejected', status: 400, message: 'That question is not part of this play.' };

	if (position !== play.answers.length) {
		return {
			kind: 'rejected',
			status: 409,
			message: `That is question ${position + 1}, but this play is on question ${play.answers.length + 1}. Answer the questions in order.`
		};
	}
	const question = play.questions[position];
	const parsed = parseResponse(toPublicQuestion(question, play.seed), form);
	if (!parsed.ok) return { kind: 'rejected', status: 400, message: parsed.message };

	const grade = gradeAnswer(question, parsed.response);
	const scored = scoreAnswer(grade, question.difficulty, play.answers.at(-1)?.streak ?? 0);
	const stored = await insertAnswer(app.store, {
		play_id: id,
		position: play.storedPositions[position],

		question_id: question.id,
		response: JSON.stringify(parsed.response),
		credit: grade.credit,
		points: scored.points,
		streak: scored.streak,
		answered_at: now.toISOString()
	});
	const finished = position === play.questions.length - 1;
	// A concurrent copy of this request got there first: the unique constraint kept it to one.
	if (!stored) return { kind: 'duplicate', position, feedback: play.feedback, finished };
	if (finished) await markFinished(app.store, id, now.toISOString());
	if (play.studentId) await touchStudent(app.store, play.studentId, now.toISOString());
	return { kind: 'graded', position, feedback: play.feedback, finished };
}

function review(play: LoadedPlay, answer: StoredAnswer): Feedback {
	const question = play.questions[answer.position];
	const response = JSON.parse(answer.response) as QuizResponse;
	const grade = gradeAnswer(question, response);
	const bonus = answer.points - basePoints(grade, question.difficulty);
	return {
		...reviewAnswer(question, toPublicQuestion(question, play.seed), response, grade),
		position: answer.position,
		points: answer.points,
		bonus,
		streak: answer.streak
	};
}

/** The answer to one question, only once the student has answered it (and, with feedback at the end, finished). */
export async function getFeedback(
	app: App,
	id: string,
	position: number
): Promise<{ play: PlayState; feedback: Feedback } | null> {
	const play = await loadPlay(app, id);
	const answer = play?.answers.find((a) => a.position === position);
	// With feedback only at the end, answers stay closed until the play is over.
	if (!play || !answer || (play.feedback === 'end' && !play.finished)) return null;
	return { play: stateOf(play), feedback: review(play, answer) };
}

/** Every answer with its review and the summary, only once the play is finished. */
export async function getResults(
	app: App,
	id: string
): Promise<{ play: PlayState; answers: Feedback[]; summary: ResultSummary } | null> {
	const play = await loadPlay(app, id);
	if (!play || !play.finished) return null;
	const summary = summarizeResults(
		play.answers.map((a) => ({
			skill: play.questions[a.position].skill,
			credit: a.credit,
			points: a.points
		}))
	);
	return { play: stateOf(play), answers: play.answers.map((a) => review(play, a)), summary };
}

/** Every answer so far with its review, finished or not: for the teacher's view of a student. */
export async function reviewPlay(
	app: App,
	id: string
): Promise<{ play: PlayState; answers: Feedback[] } | null> {
	const play = await loadPlay(app, id);
	if (!play) return null;
	return { play: stateOf(play), answers: play.answers.map((a) => review(play, a)) };
}

/** What a play's pages show about where the student stands: no answers, only progress. */
export function playProgress(play: PlayState) {
	return {
		id: play.id,
		title: play.quiz.title,
		total: play.total,
		answered: play.answered,
		score: play.score,
		streak: play.streak,
		finished: play.finished,
		deadline: play.deadline,
		feedbackAtEnd: play.feedback === 'end'
	};
}

import type { Question } from '$lib/bank/schema';
import { gradeAnswer, type Grade } from './grading';
import { toPublicQuestion, type PublicQuestion } from './public-question';
import { parseResponse, type QuizResponse } from './response';
import type { RevealRule } from './reveal';
import { basePoints, scoreAnswer } from './scoring';

/** What a play is a round of: a quiz from the home page, an assignment, or a kiosk. */
export type PlayOwner =
	| { kind: 'quiz'; quizId: string }
	| { kind: 'assignment'; id: string }
	| { kind: 'kiosk'; id: string };

/** A play as it was started: the questions in the order asked, and its rules. */
export interface PlayRecord {
	id: string;
	/** Every question the play asked for when it began, in order; a stored answer's position indexes this. */
	questionIds: string[];
	/** Seeds the option order, so a reload shows the same order. */
	seed: string;
	createdAt: string;
	finishedAt: string | null;
	/** ISO time when a time limit ends the play, or null. */
	deadline: string | null;
	/** 'end': no feedback until the results (an assignment setting). */
	feedback: 'each' | 'end';
	studentId: string | null;
	attempt: number | null;
}

/** One stored answer, as the store wrote it: graded once, when it was accepted. */
export interface AnswerRecord {
	/** Where the question stood in `PlayRecord.questionIds` when the play began. */
	position: number;
	questionId: string;
	response: QuizResponse;
	/** Null only for answers stored before grades were kept with them. */
	grade: Grade | null;
	credit: number;
	points: number;
	streak: number;
	answeredAt: string;
}

/** What a play's pages show about where the student stands: no answers, only progress. */
export interface PlayProgress {
	id: string;
	total: number;
	answered: number;
	/** Null while feedback waits for the end: a score that moves would tell what was right. */
	score: number | null;
	streak: number | null;
	finished: boolean;
	deadline: string | null;
	feedbackAtEnd: boolean;
}

/** One answered question, ready to be laid open: the question, what was stored, the grade. */
export interface AnsweredQuestion {
	/** 0-based place among the questions the bank still has (what the pages number from). */
	index: number;
	question: Question;
	answer: AnswerRecord;
	grade: Grade;
	/** The streak bonus inside `answer.points`. */
	bonus: number;
}

export type Acceptance =
	| {
			kind: 'graded';
			/** The row to store; the store's constraints make a racing copy a duplicate. */
			answer: AnswerRecord;
			index: number;
			/** True when this answer finishes the play: it should be stored with the finished mark. */
			finishes: boolean;
			feedback: 'each' | 'end';
	  }
	| { kind: 'duplicate'; index: number; finished: boolean; feedback: 'each' | 'end' }
	| {
			kind: 'rejected';
			status: 400 | 409;
			message: string;
			/** Set when the time limit has passed: the play should be stored as finished. */
			timeUp?: true;
			/** Set when the play is over for good (time up, assignment closed): show its results. */
			ended?: true;
	  };

/** What a student posted: the question the form was for, and the fields of the form. */
export interface PostedAnswer {
	questionId: unknown;
	form: FormData;
}

/**
 * A play and its rules, built from stored rows: which question is current, whether it is
 * finished, progress, and whether a posted answer is accepted. Every page, the dashboard and the
 * CSV ask it, so each rule exists once. Questions that left the bank since the play began are
 * skipped, not misaligned: positions on pages count only the questions the bank still has.
 */
export class Play {
	/** The questions the bank still has, in the order asked. */
	readonly questions: readonly Question[];
	/** Answers to `questions`, in order (answers to questions gone from the bank are left out). */
	readonly answers: readonly AnswerRecord[];
	private readonly storedPositions: readonly number[];

	constructor(
		readonly record: PlayRecord,
		stored: readonly AnswerRecord[],
		bank: ReadonlyMap<string, Question>
	) {
		const questions: Question[] = [];
		const positions: number[] = [];
		record.questionIds.forEach((id, position) => {
			const q = bank.get(id);
			if (q) {
				questions.push(q);
				positions.push(position);
			}
		});
		this.questions = questions;
		this.storedPositions = positions;
		this.answers = stored
			.filter((a) => positions.includes(a.position))
			.sort((a, b) => a.position - b.position);
	}

	get id(): string {
		return this.record.id;
	}

	get total(): number {
		return this.questions.length;
	}

	get answered(): number {
		return this.answers.length;
	}

	get score(): number {
		return this.answers.reduce((sum, a) => sum + a.points, 0);
	}

	get streak(): number {
		return this.answers.at(-1)?.streak ?? 0;
	}

	isTimeUp(now: Date): boolean {
		return this.record.deadline !== null && new Date(this.record.deadline) <= now;
	}

	/** The one rule for "finished": marked so, every question answered, or out of time. */
	isFinished(now: Date): boolean {
		return this.record.finishedAt !== null || this.answered >= this.total || this.isTimeUp(now);
	}

	/** The question to answer next, or null once the play is finished. */
	current(now: Date): Question | null {
		return this.isFinished(now) ? null : (this.questions[this.answered] ?? null);
	}

	/** The current question as a student's page may see it: no answer, no explanation. */
	currentPublic(now: Date): PublicQuestion | null {
		const q = this.current(now);
		return q && toPublicQuestion(q, this.record.seed);
	}

	progress(now: Date): PlayProgress {
		const finished = this.isFinished(now);
		const withheld = this.record.feedback === 'end' && !finished;
		return {
			id: this.id,
			total: this.total,
			answered: this.answered,
			score: withheld ? null : this.score,
			streak: withheld ? null : this.streak,
			finished,
			deadline: this.record.deadline,
			feedbackAtEnd: this.record.feedback === 'end'
		};
	}

	/** Whether the answer to question `index` may be shown: answered, and with feedback at the end, finished. */
	mayReveal(index: number, now: Date): boolean {
		if (index < 0 || index >= this.answered) return false;
		return this.record.feedback === 'each' || this.isFinished(now);
	}

	/**
	 * Whether the right answers, explanations and evidence of this play may be shown now, under its
	 * owner's rule. Each answer is still shown only once `mayReveal` allows its feedback at all.
	 */
	answersRevealed(now: Date, rule: RevealRule): boolean {
		const finished = this.isFinished(now) || rule.closed;
		switch (rule.when) {
			case 'question':
				return true;
			case 'attempt':
				return finished;
			case 'last-attempt':
				return (
					rule.closed ||
					rule.lastAttemptFinished === true ||
					(finished && (this.record.attempt ?? 1) >= rule.attempts)
				);
			case 'closed':
				return rule.closed;
		}
	}

	/** The answered question at `index` with the grade stored with it. */
	answeredAt(index: number): AnsweredQuestion | null {
		const answer = this.answers[index];
		if (!answer) return null;
		const question = this.questions[index];
		// Answers stored before grades were kept are graded from their stored response.
		const grade = answer.grade ?? gradeAnswer(question, answer.response);
		return {
			index,
			question,
			answer,
			grade,
			bonus: answer.points - basePoints(grade, question.difficulty)
		};
	}

	answeredQuestions(): AnsweredQuestion[] {
		return this.answers.map((_, i) => this.answeredAt(i)).filter((a) => a !== null);
	}

	/**
	 * Grades and scores a posted answer, or says why not. Only the current question may be
	 * answered; a repeat of an answer already given is a duplicate that counts once. `closed` is
	 * the reason the play's owner takes no more answers (an assignment closed), if any.
	 */
	accept(posted: PostedAnswer, now: Date, closed: string | null = null): Acceptance {
		const { questionId, form } = posted;
		const feedback = this.record.feedback;
		if (typeof questionId !== 'string' || questionId === '')
			return {
				kind: 'rejected',
				status: 400,
				message:
					'The answer did not say which question it is for. Reload the page and answer again.'
			};
		const index = this.questions.findIndex((q) => q.id === questionId);
		if (index !== -1 && index < this.answered)
			return { kind: 'duplicate', index, finished: this.isFinished(now), feedback };
		if (this.isTimeUp(now))
			return {
				kind: 'rejected',
				status: 409,
				message: 'Time is up for this quiz. The answers you gave before the time limit count.',
				timeUp: true,
				ended: true
			};
		if (this.isFinished(now))
			return {
				kind: 'rejected',
				status: 409,
				message:
					'This play is finished, so it takes no more answers. See your results or play again.'
			};
		if (closed) return { kind: 'rejected', status: 409, message: closed, ended: true };
		if (index === -1)
			return { kind: 'rejected', status: 400, message: 'That question is not part of this play.' };
		if (index !== this.answered)
			return {
				kind: 'rejected',
				status: 409,
				message: `That is question ${index + 1}, but this play is on question ${this.answered + 1}. Answer the questions in order.`
			};

		const question = this.questions[index];
		const parsed = parseResponse(toPublicQuestion(question, this.record.seed), form);
		if (!parsed.ok) return { kind: 'rejected', status: 400, message: parsed.message };
		const grade = gradeAnswer(question, parsed.response);
		const scored = scoreAnswer(grade, question.difficulty, this.streak);
		return {
			kind: 'graded',
			answer: {
				position: this.storedPositions[index],
				questionId: question.id,
				response: parsed.response,
				grade,
				credit: grade.credit,
				points: scored.points,
				streak: scored.streak,
				answeredAt: now.toISOString()
			},
			index,
			finishes: index === this.total - 1,
			feedback
		};
	}
}

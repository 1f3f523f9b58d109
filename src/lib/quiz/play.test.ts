import { describe, expect, it } from 'vitest';
import type { Question } from '$lib/bank/schema';
import { Play, type AnswerRecord, type PlayRecord } from './play';
import { revealPromise, type RevealRule, type RevealWhen } from './reveal';

const now = new Date('2026-03-02T10:00:00Z');

function choice(id: string, answer: string, difficulty: 1 | 2 | 3 = 1): Question {
	return {
		id,
		type: 'single-choice',
		articles: ['town'],
		skill: 'framing',
		difficulty,
		prompt: `Question ${id}?`,
		options: ['Yes', 'No', 'Maybe'],
		answer,
		explanation: 'Because.',
		evidence: [{ article: 'town', quote: 'A quote.' }]
	} as Question;
}

const questions = [choice('q1', 'Yes'), choice('q2', 'No', 2), choice('q3', 'Maybe', 3)];
const bank = new Map(questions.map((q) => [q.id, q]));

function record(change: Partial<PlayRecord> = {}): PlayRecord {
	return {
		id: 'p1',
		questionIds: ['q1', 'q2', 'q3'],
		seed: 'seed',
		createdAt: now.toISOString(),
		finishedAt: null,
		deadline: null,
		feedback: 'each',
		studentId: null,
		attempt: null,
		...change
	};
}

function form(fields: Record<string, string>): FormData {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) f.set(k, v);
	return f;
}

/** Answers every question in turn with `pick`, storing each accepted row as the store would. */
function played(picks: string[], base = record(), within = bank): Play {
	let play = new Play(base, [], within);
	for (const pick of picks) {
		const q = play.current(now);
		if (!q) throw new Error('finished early');
		const accepted = play.accept({ questionId: q.id, form: form({ choice: pick }) }, now);
		if (accepted.kind !== 'graded') throw new Error(`not graded: ${JSON.stringify(accepted)}`);
		play = new Play(base, [...play.answers, accepted.answer], within);
	}
	return play;
}

describe('a new play', () => {
	it('starts on its first question with nothing scored', () => {
		const play = new Play(record(), [], bank);
		expect(play.current(now)?.id).toBe('q1');
		expect(play.progress(now)).toEqual({
			id: 'p1',
			total: 3,
			answered: 0,
			score: 0,
			streak: 0,
			finished: false,
			deadline: null,
			feedbackAtEnd: false
		});
	});

	it('shows its current question without the answer', () => {
		const shown = new Play(record(), [], bank).currentPublic(now);
		expect(shown?.id).toBe('q1');
		expect(Object.keys(shown ?? {})).not.toContain('answer');
		expect(JSON.stringify(shown)).not.toContain('Because.');
	});
});

describe('accepting an answer', () => {
	it('grades and scores the current question and says when it finishes the play', () => {
		const play = played(['Yes', 'No']);
		expect(play.score).toBe(100 + 200);
		expect(play.streak).toBe(2);
		const last = play.accept({ questionId: 'q3', form: form({ choice: 'Maybe' }) }, now);
		expect(last).toMatchObject({
			kind: 'graded',
			index: 2,
			finishes: true,
			answer: { position: 2, questionId: 'q3', credit: 1, points: 300 + 50, streak: 3 }
		});
	});

	it('keeps the grade with the answer row', () => {
		const accepted = new Play(record(), [], bank).accept(
			{ questionId: 'q1', form: form({ choice: 'No' }) },
			now
		);
		expect(accepted).toMatchObject({
			kind: 'graded',
			answer: { grade: { credit: 0, verdict: 'incorrect' }, points: 0, streak: 0 }
		});
	});

	it('calls a repeat of an answered question a duplicate, whatever it says', () => {
		const play = played(['Yes']);
		expect(play.accept({ questionId: 'q1', form: new FormData() }, now)).toEqual({
			kind: 'duplicate',
			index: 0,
			finished: false,
			feedback: 'each'
		});
	});

	it('refuses a later question, an unknown one, none, and a malformed answer', () => {
		const play = new Play(record(), [], bank);
		expect(play.accept({ questionId: 'q2', form: form({ choice: 'No' }) }, now)).toMatchObject({
			kind: 'rejected',
			status: 409
		});
		expect(play.accept({ questionId: 'q9', form: new FormData() }, now)).toMatchObject({
			kind: 'rejected',
			status: 400,
			message: 'That question is not part of this play.'
		});
		expect(play.accept({ questionId: null, form: new FormData() }, now)).toMatchObject({
			kind: 'rejected',
			status: 400
		});
		expect(play.accept({ questionId: 'q1', form: form({ choice: 'Never' }) }, now)).toMatchObject({
			kind: 'rejected',
			status: 400
		});
	});

	it('refuses answers once the owner is closed, with the owner’s reason', () => {
		const play = new Play(record(), [], bank);
		expect(
			play.accept({ questionId: 'q1', form: form({ choice: 'Yes' }) }, now, 'Closed by teacher.')
		).toEqual({ kind: 'rejected', status: 409, message: 'Closed by teacher.', ended: true });
	});

	it('refuses answers after the time limit and asks for the play to be marked finished', () => {
		const play = new Play(record({ deadline: '2026-03-02T09:59:59Z' }), [], bank);
		expect(play.isTimeUp(now)).toBe(true);
		expect(play.isFinished(now)).toBe(true);
		expect(play.current(now)).toBeNull();
		expect(play.accept({ questionId: 'q1', form: form({ choice: 'Yes' }) }, now)).toMatchObject({
			kind: 'rejected',
			status: 409,
			timeUp: true
		});
	});

	it('refuses answers to a play marked finished', () => {
		const play = new Play(record({ finishedAt: now.toISOString() }), [], bank);
		expect(play.accept({ questionId: 'q1', form: form({ choice: 'Yes' }) }, now)).toMatchObject({
			kind: 'rejected',
			status: 409
		});
	});
});

describe('the finished rule', () => {
	it('is finished once every question the bank still has is answered', () => {
		const play = played(['Yes', 'No', 'Maybe']);
		expect(play.isFinished(now)).toBe(true);
		expect(play.current(now)).toBeNull();
	});

	it('counts only questions the bank still has, and keeps answers in their places', () => {
		const answered = played(['Yes']);
		const without = new Map(bank);
		without.delete('q2');
		const play = new Play(record(), answered.answers, without);
		expect(play.total).toBe(2);
		expect(play.current(now)?.id).toBe('q3');
		const last = play.accept({ questionId: 'q3', form: form({ choice: 'Maybe' }) }, now);
		// Stored at q3's place in the play as started, so it never collides with another answer.
		expect(last).toMatchObject({
			kind: 'graded',
			index: 1,
			finishes: true,
			answer: { position: 2 }
		});
		if (last.kind !== 'graded') return;
		expect(new Play(record(), [...play.answers, last.answer], without).isFinished(now)).toBe(true);
	});
});

describe('revealing answers', () => {
	it('reveals only answered questions, and with feedback at the end only once finished', () => {
		const each = played(['Yes']);
		expect(each.mayReveal(0, now)).toBe(true);
		expect(each.mayReveal(1, now)).toBe(false);
		const atEnd = played(['Yes'], record({ feedback: 'end' }));
		expect(atEnd.mayReveal(0, now)).toBe(false);
		expect(played(['Yes', 'No', 'Maybe'], record({ feedback: 'end' })).mayReveal(0, now)).toBe(
			true
		);
	});

	it('withholds the score and streak while feedback waits for the end, and shows them once finished', () => {
		const atEnd = played(['Yes'], record({ feedback: 'end' })).progress(now);
		expect([atEnd.score, atEnd.streak]).toEqual([null, null]);
		const done = played(['Yes', 'No', 'Maybe'], record({ feedback: 'end' })).progress(now);
		expect(done.finished).toBe(true);
		expect(typeof done.score).toBe('number');
		expect(typeof played(['Yes']).progress(now).score).toBe('number');
	});

	it('reads the stored grade instead of grading again', () => {
		const stored: AnswerRecord = {
			position: 0,
			questionId: 'q1',
			response: { kind: 'choice', choice: 'No' },
			grade: { credit: 1, verdict: 'correct' },
			credit: 1,
			points: 150,
			streak: 3,
			answeredAt: now.toISOString()
		};
		const answered = new Play(record(), [stored], bank).answeredAt(0);
		expect(answered?.grade).toEqual({ credit: 1, verdict: 'correct' });
		expect(answered?.bonus).toBe(50);
	});

	it('grades answers stored before grades were kept', () => {
		const stored: AnswerRecord = {
			position: 0,
			questionId: 'q1',
			response: { kind: 'choice', choice: 'No' },
			grade: null,
			credit: 0,
			points: 0,
			streak: 0,
			answeredAt: now.toISOString()
		};
		expect(new Play(record(), [stored], bank).answeredAt(0)?.grade.verdict).toBe('incorrect');
	});
});

describe('the answer-reveal rule', () => {
	const rule = (when: RevealWhen, attempts = 2, closed = false): RevealRule => ({
		when,
		attempts,
		closed
	});
	const midway = (attempt: number) => played(['Yes'], record({ attempt }));
	const done = (attempt: number) => played(['Yes', 'No', 'Maybe'], record({ attempt }));

	it('after each question: as soon as an answer is given', () => {
		expect(midway(1).answersRevealed(now, rule('question'))).toBe(true);
	});

	it('at the end of each attempt: once the attempt is finished', () => {
		expect(midway(1).answersRevealed(now, rule('attempt'))).toBe(false);
		expect(done(1).answersRevealed(now, rule('attempt'))).toBe(true);
	});

	it('after the last attempt: not after attempt 1 of 2, yes after attempt 2 or once closed', () => {
		expect(done(1).answersRevealed(now, rule('last-attempt'))).toBe(false);
		expect(midway(2).answersRevealed(now, rule('last-attempt'))).toBe(false);
		expect(done(2).answersRevealed(now, rule('last-attempt'))).toBe(true);
		expect(done(1).answersRevealed(now, rule('last-attempt', 1))).toBe(true);
		expect(done(1).answersRevealed(now, rule('last-attempt', 2, true))).toBe(true);
		const afterLast = { ...rule('last-attempt'), lastAttemptFinished: true };
		expect(done(1).answersRevealed(now, afterLast)).toBe(true);
	});

	it('when the assignment closes: only then, however many attempts were made', () => {
		expect(done(2).answersRevealed(now, rule('closed'))).toBe(false);
		expect(midway(1).answersRevealed(now, rule('closed', 2, true))).toBe(true);
	});

	it('tells the student when the answers come, in a plain sentence', () => {
		expect(revealPromise(rule('last-attempt', 3))).toMatch(/after your last attempt \(you have 3/);
		expect(revealPromise(rule('closed'))).toMatch(/when your teacher closes the assignment/);
		expect(revealPromise(rule('attempt'))).toMatch(/when you finish this attempt/);
	});
});

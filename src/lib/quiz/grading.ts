import type { Question } from '$lib/bank/schema';
import type { QuizResponse } from './response';

/** How right an answer is: `credit` from 0 to 1, and the verdict shown to the student. */
export interface Grade {
	credit: number;
	verdict: 'correct' | 'partial' | 'incorrect';
	/** For select-all, matching and sorting: how many parts were right, out of how many. */
	parts?: { right: number; total: number; wrong?: number };
}

function verdictOf(credit: number): Grade['verdict'] {
	return credit >= 1 ? 'correct' : credit > 0 ? 'partial' : 'incorrect';
}

/**
 * Grades one answer. Partial credit: select-all earns the share of right options ticked minus the
 * share of wrong options ticked, never below zero, so ticking everything earns nothing; matching
 * and sorting earn the share of items placed right.
 */
export function gradeAnswer(q: Question, response: QuizResponse): Grade {
	switch (q.type) {
		case 'single-choice':
		case 'find-the-evidence': {
			const credit = response.kind === 'choice' && response.choice === q.answer ? 1 : 0;
			return { credit, verdict: verdictOf(credit) };
		}
		case 'true-false': {
			const credit =
				response.kind === 'choice' && response.choice === (q.answer ? 'True' : 'False') ? 1 : 0;
			return { credit, verdict: verdictOf(credit) };
		}
		case 'select-all': {
			const ticked = response.kind === 'choices' ? new Set(response.choices) : new Set<string>();
			const right = q.answers.filter((a) => ticked.has(a)).length;
			const wrong = [...ticked].filter((t) => !q.answers.includes(t)).length;
			const wrongOptions = q.options.length - q.answers.length;
			const credit = Math.max(
				0,
				right / q.answers.length - (wrongOptions ? wrong / wrongOptions : 0)
			);
			return {
				credit,
				verdict: verdictOf(credit),
				parts: { right, total: q.answers.length, wrong }
			};
		}
		case 'who-said-it':
		case 'fact-or-opinion': {
			const expected =
				q.type === 'who-said-it' ? q.pairs.map((p) => p.speaker) : q.statements.map((s) => s.label);
			const given = response.kind === 'placements' ? response.placements : {};
			const right = expected.filter((answer, i) => given[String(i)] === answer).length;
			const credit = right / expected.length;
			return { credit, verdict: verdictOf(credit), parts: { right, total: expected.length } };
		}
	}
}

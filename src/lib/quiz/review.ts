import type { Question } from '$lib/bank/schema';
import { choicesOf } from '$lib/bank/export';
import type { Grade } from './grading';
import type { PublicQuestion } from './public-question';
import type { QuizResponse } from './response';

/** One option after answering: was it right, and did the student choose it. */
export interface ReviewedOption {
	text: string;
	correct: boolean;
	chosen: boolean;
}

/** One quote or statement after answering: what the student gave and what was right. */
export interface ReviewedItem {
	text: string;
	given: string;
	expected: string;
}

/** A question with its answer laid open: only ever built after the student has answered it. */
export interface ReviewedQuestion {
	question: PublicQuestion;
	grade: Grade;
	options: ReviewedOption[];
	items: ReviewedItem[];
	explanation: string;
	evidence: { article: string; quote: string }[];
	/** False while the owner's reveal rule withholds the right answers: see `withholdAnswers`. */
	revealed: boolean;
}

/**
 * The same review with what the reveal rule keeps back removed: which options were right, the
 * expected placements, the explanation and the evidence. The student's own answer and the verdict stay.
 */
export function withholdAnswers(review: ReviewedQuestion): ReviewedQuestion {
	return {
		...review,
		options: review.options.map((o) => ({ ...o, correct: false })),
		items: review.items.map((i) => ({ ...i, expected: '' })),
		explanation: '',
		evidence: [],
		revealed: false
	};
}

export function reviewAnswer(
	q: Question,
	shown: PublicQuestion,
	response: QuizResponse,
	grade: Grade
): ReviewedQuestion {
	const { correct } = choicesOf(q);
	const chosen = new Set(
		response.kind === 'choice'
			? [response.choice]
			: response.kind === 'choices'
				? response.choices
				: []
	);
	const placements = response.kind === 'placements' ? response.placements : {};
	const expected = (key: string) => {
		const i = Number(key);
		if (q.type === 'who-said-it') return q.pairs[i].speaker;
		if (q.type === 'fact-or-opinion') return q.statements[i].label;
		return '';
	};
	return {
		question: shown,
		grade,
		options:
			shown.items.length > 0
				? []
				: shown.options.map((text) => ({
						text,
						correct: correct.includes(text),
						chosen: chosen.has(text)
					})),
		items: shown.items.map((item) => ({
			text: item.text,
			given: placements[item.key] ?? '',
			expected: expected(item.key)
		})),
		explanation: q.explanation,
		evidence: q.evidence,
		revealed: true
	};
}

import type { Question } from '$lib/bank/schema';
import type { QuestionType, Skill } from '$lib/bank/vocabulary';
import { choicesOf } from '$lib/bank/export';
import { seededRandom, shuffled } from './random';

/** One thing to place: a quote to attribute or a statement to label; `key` is what the form sends. */
export interface PlaceableItem {
	key: string;
	text: string;
}

/**
 * The only shape of a question a student's page receives before answering: no answer, no
 * explanation, no evidence, options in an order that says nothing about which is right.
 */
export interface PublicQuestion {
	id: string;
	type: QuestionType;
	skill: Skill;
	difficulty: 1 | 2 | 3;
	articles: string[];
	prompt: string;
	/** Choices for single-choice, select-all, true-false and find-the-evidence; the labels to give for matching and sorting. */
	options: string[];
	/** Quotes (who-said-it) or statements (fact-or-opinion) to place; empty for other types. */
	items: PlaceableItem[];
}

export function toPublicQuestion(q: Question, seed: string): PublicQuestion {
	const random = seededRandom(`${seed}:${q.id}`);
	const { options } = choicesOf(q);
	const base = {
		id: q.id,
		type: q.type,
		skill: q.skill,
		difficulty: q.difficulty,
		articles: q.articles,
		prompt: q.prompt
	};
	switch (q.type) {
		case 'true-false':
		case 'find-the-evidence':
			// True before False, and a passage's sentences in page order (the loader sorts them).
			return { ...base, options, items: [] };
		case 'who-said-it':
			return {
				...base,
				options: [...options].sort((a, b) => a.localeCompare(b)),
				items: shuffled(
					q.pairs.map((p, i) => ({ key: String(i), text: p.quote })),
					random
				)
			};
		case 'fact-or-opinion':
			return {
				...base,
				options,
				items: shuffled(
					q.statements.map((s, i) => ({ key: String(i), text: s.text })),
					random
				)
			};
		default:
			return { ...base, options: shuffled(options, random), items: [] };
	}
}

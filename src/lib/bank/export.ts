import type { Bank } from './bank.ts';
import type { Question } from './schema.ts';

/** The bank in the documented exchange shape that other tools read. */
export interface BankExport {
	articles: {
		id: string;
		headline: string;
		outlet: string;
		author: string;
		published: string;
		kind: string;
	}[];
	questions: {
		id: string;
		articles: string[];
		skill: string;
		type: string;
		difficulty: number;
		prompt: string;
		options: string[];
		correct: string[];
		explanation: string;
		evidence: { article: string; quote: string }[];
	}[];
}

const TRUE_FALSE = ['True', 'False'];

/** What a student chooses from, and the right choices, as plain strings ("left → right" for pairs). */
export function choicesOf(q: Question): { options: string[]; correct: string[] } {
	switch (q.type) {
		case 'single-choice':
		case 'find-the-evidence':
			return { options: q.options, correct: [q.answer] };
		case 'select-all':
			return { options: q.options, correct: q.options.filter((o) => q.answers.includes(o)) };
		case 'true-false':
			return { options: TRUE_FALSE, correct: [q.answer ? 'True' : 'False'] };
		case 'who-said-it':
			return {
				options: [...new Set([...q.pairs.map((p) => p.speaker), ...q.distractors])],
				correct: q.pairs.map((p) => `${p.quote} → ${p.speaker}`)
			};
		case 'fact-or-opinion':
			return { options: q.labels, correct: q.statements.map((s) => `${s.text} → ${s.label}`) };
	}
}

export function exportBank(bank: Bank): BankExport {
	return {
		articles: bank.articles.map((a) => ({
			id: a.id,
			headline: a.headline,
			outlet: a.outlet,
			author: a.author,
			published: a.published,
			kind: a.kind
		})),
		questions: bank.questions.map((q) => ({
			id: q.id,
			articles: q.articles,
			skill: q.skill,
			type: q.type,
			difficulty: q.difficulty,
			prompt: q.prompt,
			...choicesOf(q),
			explanation: q.explanation,
			evidence: q.evidence
		}))
	};
}

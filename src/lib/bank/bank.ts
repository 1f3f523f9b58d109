import type { Article } from './articles.ts';
import type { BankProblem } from './problems.ts';
import type { Question } from './schema.ts';

/** The checked bank: every article and every question, as the loader returns them. */
export interface Bank {
	articles: Article[];
	questions: Question[];
}

export type BankResult = { ok: true; bank: Bank } | { ok: false; problems: BankProblem[] };

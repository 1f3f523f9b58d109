import type { Bank } from '$lib/bank/bank';
import { loadBank } from './load';
import { BrokenBankError } from '$lib/bank/problems';
import type { Article } from '$lib/bank/articles';
import type { Question } from '$lib/bank/schema';
import { NOT_STATED } from '$lib/bank/vocabulary';
import { buildCatalogue, type Quiz } from '$lib/quiz/catalogue';

/** The bank as the server uses it: loaded and checked once at start-up, then indexed. */
export interface LoadedBank extends Bank {
	/**
	 * Every question a play can ask by id: the bank's, and every version of the teachers' own
	 * (`server/authored.ts` adds them; they are in no catalogue, so never in free practice).
	 */
	question: Map<string, Question>;
	/** The bank's articles and the teachers' own, for the reader. */
	article: Map<string, Article>;
	quizzes: Quiz[];
	quiz: ReadonlyMap<string, Quiz>;
	/** Short names students see for each article: the outlet, or what the page is when it names none. */
	articleName: Record<string, string>;
}

/** Loads the bank with the checker's own code; a broken bank stops start-up with its messages. */
export function loadBankOrThrow(dir: string): LoadedBank {
	const result = loadBank(dir);
	if (!result.ok) throw new BrokenBankError(result.problems);
	const bank = result.bank;
	const quizzes = buildCatalogue(bank);
	return {
		...bank,
		question: new Map(bank.questions.map((q) => [q.id, q])),
		article: new Map(bank.articles.map((a) => [a.id, a])),
		quizzes,
		quiz: new Map(quizzes.map((q) => [q.id, q])),
		articleName: Object.fromEntries(bank.articles.map((a) => [a.id, shortName(a)]))
	};
}

function shortName(a: Article): string {
	return a.outlet === NOT_STATED ? `the unsigned ${a.kind}` : a.outlet;
}

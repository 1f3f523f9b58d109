import { randomBytes } from 'node:crypto';
import { choicesOf } from '$lib/bank/export';
import { QUESTION_TYPES, SKILLS } from '$lib/bank/vocabulary';
import { seededRandom, shuffled } from '$lib/quiz/random';
import { applyMove, pickedQuestions, readMove } from '$lib/teach/picked-questions';
import { filterQuestions, readFilter, type QuestionFilter } from '$lib/teach/question-filter';
import type { Question } from '$lib/bank/schema';
import type { App } from './app';
import { listOwnArticles, listOwnQuestions } from './authored';
import { textField, textFields } from './forms';

/**
 * The assignment builder, shared by the new-assignment page and the edit page: what the page
 * lists, the state a post carries, and the questions it chose.
 */

type PoolQuestion = Question & { own: boolean };

/** The questions a teacher may assign: their own (current versions) first, then the bank's. */
export async function questionPool(app: App, teacherId: string): Promise<PoolQuestion[]> {
	const own = (await listOwnQuestions(app, teacherId)).map((q) => ({ ...q.question, own: true }));
	return [...own, ...app.bank.questions.map((q) => ({ ...q, own: false }))];
}

/** Every question goes to the page, which filters them itself: ticks survive a change of filter. */
export async function builderChoices(app: App, teacherId: string, pool: PoolQuestion[]) {
	const ownArticles = await listOwnArticles(app, teacherId);
	return {
		questions: pool.map((q) => ({
			id: q.id,
			prompt: q.prompt,
			type: q.type,
			skill: q.skill,
			difficulty: q.difficulty,
			articles: q.articles,
			own: q.own,
			articleNames: q.articles.map((id) => app.bank.articleName[id] ?? id),
			...choicesOf(q),
			explanation: q.explanation
		})),
		articles: [
			...ownArticles.map((a) => ({ id: a.id, name: `${a.headline} (yours)` })),
			...app.bank.articles.map((a) => ({ id: a.id, name: app.bank.articleName[a.id] }))
		],
		skills: SKILLS,
		types: QUESTION_TYPES
	};
}

export interface BuilderState {
	values: Record<string, string>;
	picked: string[];
	filter: QuestionFilter;
}

/** The builder's whole state as posted: settings, ticked questions in order, and the filter. */
export function readBuilder(pool: readonly PoolQuestion[], form: FormData): BuilderState {
	const known = new Set(pool.map((q) => q.id));
	const values = Object.fromEntries(
		[...new Set(form.keys())]
			.filter((k) => k !== 'question' && k !== 'move')
			.map((k) => [k, textField(form, k)])
	);
	const picked = pickedQuestions(textFields(form, 'question'), (id) => known.has(id));
	const move = readMove(textField(form, 'move') || null);
	return {
		values,
		picked: move ? applyMove(picked, move) : picked,
		filter: readFilter(new URLSearchParams(values))
	};
}

/** The questions the teacher chose: the list in order, or any N drawn from the filter. */
export function chosenQuestions(
	pool: readonly PoolQuestion[],
	state: BuilderState
): { ok: true; ids: string[] } | { ok: false; message: string } {
	const { values, picked, filter } = state;
	if (values.pick === 'random') {
		const count = Number(values.count);
		const matching = filterQuestions(pool, filter).map((q) => q.id);
		if (!Number.isInteger(count) || count < 1)
			return { ok: false, message: 'Say how many questions to draw (at least 1).' };
		if (count > matching.length)
			return {
				ok: false,
				message: `The filter has only ${matching.length} questions; draw at most that many.`
			};
		return {
			ok: true,
			ids: shuffled(matching, seededRandom(randomBytes(8).toString('hex'))).slice(0, count)
		};
	}
	if (picked.length === 0)
		return {
			ok: false,
			message: 'Tick at least one question, or choose “Any N from this filter”.'
		};
	return { ok: true, ids: picked };
}

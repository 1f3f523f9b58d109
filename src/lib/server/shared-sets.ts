import type { Article } from '$lib/bank/articles';
import type { Question } from '$lib/bank/schema';
import { exportSet } from '$lib/bank/set-export';
import { toBankArticle, type AuthoredArticle } from '$lib/teach/authored-article';
import type { App } from './app';
import { importCheckedSet, listArticleQuestions, toAuthoredArticle } from './authored';
import { checkSet } from './bank/set-import';
import { findSharedArticle, listSharedArticles, setArticleShared } from './db/authored';

/**
 * Sets a teacher shares with the server's other teachers: they read it, and may copy it into their
 * own account. A copy goes the export/import way, so the bank's checker sees it as it would an
 * uploaded set, and it is independent: later edits of the original do not reach it.
 */

/** Shares or stops sharing the teacher's own article; false when it is not theirs. */
export async function shareOwnArticle(
	app: App,
	teacherId: string,
	articleId: string,
	share: boolean,
	now: Date
): Promise<boolean> {
	return setArticleShared(app.store, teacherId, articleId, share ? now.toISOString() : null);
}

/** What other teachers share with this one (never the teacher's own). */
export async function listSharedSets(app: App, teacherId: string) {
	return listSharedArticles(app.store, teacherId);
}

export interface SharedSet {
	authored: AuthoredArticle;
	article: Article;
	ownerName: string;
	questions: Question[];
}

/** A shared article and its questions in their current versions; null when not shared or unknown. */
export async function findSharedSet(app: App, articleId: string): Promise<SharedSet | null> {
	const row = await findSharedArticle(app.store, articleId);
	if (!row) return null;
	const authored = toAuthoredArticle(row);
	const questions = await listArticleQuestions(app, row.id);
	return {
		authored,
		article: toBankArticle(authored),
		ownerName: row.owner_name,
		questions: questions.map((q) => q.question)
	};
}

export type CopyOutcome = { ok: true; id: string } | { ok: false; problems: string[] } | null;

/** The teacher's own copy of a shared set; null when it is not shared (any more). */
export async function copySharedSet(
	app: App,
	teacherId: string,
	articleId: string,
	now: Date
): Promise<CopyOutcome> {
	const shared = await findSharedSet(app, articleId);
	if (!shared) return null;
	const checked = checkSet(exportSet(shared.article, shared.questions));
	if (!checked.ok) return { ok: false, problems: checked.problems };
	return { ok: true, id: await importCheckedSet(app, teacherId, checked, now) };
}

import type { Article } from '$lib/bank/articles';
import { mayOpenArticle, type ArticleOwner } from '$lib/quiz/article-access';
import type { App } from './app';
import { findArticleOwner } from './db/authored';
import { findQuestionIdsOfPlay } from './db/plays';

/** Who asks to read, as the reader's request says: a signed-in teacher, the play the link came from. */
export interface ReadRequest {
	teacherId: string | null;
	playId: string | null;
	/** On a kiosk, the play must be one of its rounds. */
	kioskId?: string;
}

async function ownerOf(app: App, articleId: string): Promise<ArticleOwner | null> {
	if (app.bank.articles.some((a) => a.id === articleId)) return { kind: 'bank' };
	const found = await findArticleOwner(app.store, articleId);
	return found === null ? null : { kind: 'teacher', ...found };
}

/**
 * The article if this request may read it; null when it is missing or not the reader's to see
 * (the two look the same, so a teacher's article is never revealed by its id).
 */
export async function readableArticle(
	app: App,
	articleId: string,
	request: ReadRequest
): Promise<{ article: Article; public: boolean } | null> {
	const article = app.bank.article.get(articleId);
	const owner = article && (await ownerOf(app, articleId));
	if (!article || !owner) return null;
	const questionIds =
		owner.kind === 'teacher' && request.playId !== null
			? ((await findQuestionIdsOfPlay(app.store, request.playId, request.kioskId)) ?? [])
			: [];
	const asked = questionIds.map((id) => app.bank.question.get(id)).filter((q) => q !== undefined);
	if (!mayOpenArticle(articleId, owner, { teacherId: request.teacherId, asked })) return null;
	return { article, public: owner.kind === 'bank' };
}

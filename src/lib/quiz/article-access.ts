import { PLAY_ID } from '$lib/play-id';

/**
 * Who may open an article in the reader. The bank's articles are public. A teacher's own article
 * opens for its owner until they delete it, and for a play (or a kiosk round) that asks a question
 * about it, deleted or not; to anyone else it does not exist, so a guessed id tells nothing.
 */

/** What the reader knows of an article's author: the bank, or the teacher who added it. */
export type ArticleOwner =
	| { kind: 'bank' }
	| {
			kind: 'teacher';
			teacherId: string;
			/** Deleted by its owner while plays asked about it: only those plays open it now. */
			withdrawn?: boolean;
	  };

/** The part of a question that says which articles it is about. */
export interface CitingQuestion {
	articles: readonly string[];
	evidence: readonly { article: string }[];
}

export interface Reader {
	/** The signed-in teacher, if any. */
	teacherId: string | null;
	/** The questions of the play the link came from (empty when it came from none). */
	asked: readonly CitingQuestion[];
}

export function asksAbout(question: CitingQuestion, articleId: string): boolean {
	return (
		question.articles.includes(articleId) || question.evidence.some((e) => e.article === articleId)
	);
}

export function mayOpenArticle(articleId: string, owner: ArticleOwner, reader: Reader): boolean {
	if (owner.kind === 'bank') return true;
	if (!owner.withdrawn && reader.teacherId !== null && reader.teacherId === owner.teacherId)
		return true;
	return reader.asked.some((q) => asksAbout(q, articleId));
}

/** The play a site reader link came from: its `back` is that play's page (`/play/<id>…`). */
export function playOfBackLink(back: string | null): string | null {
	const id = /^\/play\/([^/?#]+)(?:[/?#]|$)/.exec(back ?? '')?.[1];
	return id !== undefined && PLAY_ID.test(id) ? id : null;
}

import type { Generated } from 'kysely';

/** A teacher's own article: the text as stored, its details, and the part of the page each line is. */
export interface AuthoredArticleTable {
	id: string;
	teacher_id: string;
	headline: string;
	outlet: string;
	author: string;
	published: string;
	url: string;
	kind: string;
	body: string;
	/** JSON array of page parts, one per non-empty line of `body`. */
	parts: string;
	original: string | null;
	created_at: string;
	/** When its owner shared it with the server's other teachers (read only); null when not. */
	shared_at: string | null;
	/** When its owner deleted it while plays or assignments still asked about it; null when live. */
	deleted_at: Generated<string | null>;
}

export interface AuthoredQuestionTable {
	id: string;
	article_id: string;
	version_id: string;
	created_at: string;
	/** When its owner deleted it while plays or assignments still asked it; null when live. */
	deleted_at: Generated<string | null>;
}

export interface AuthoredQuestionVersionTable {
	id: string;
	question_id: string;
	/** JSON of the question in the bank's shape. */
	body: string;
	created_at: string;
}

export interface AuthoredTables {
	authored_article: AuthoredArticleTable;
	authored_question: AuthoredQuestionTable;
	authored_question_version: AuthoredQuestionVersionTable;
}

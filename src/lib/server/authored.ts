import { randomBytes } from 'node:crypto';
import type { Article } from '$lib/bank/articles';
import type { Question } from '$lib/bank/schema';
import { exportSet, type SetFile } from '$lib/bank/set-export';
import {
	toBankArticle,
	type ArticleDetails,
	type AuthoredArticle
} from '$lib/teach/authored-article';
import { pageLines } from '$lib/bank/text';
import { NOT_STATED, type PagePart } from '$lib/bank/vocabulary';
import type { App } from './app';
import type { LoadedBank } from './bank';
import { forgetKiosksDrawingFrom } from './kiosks';
import {
	addVersion,
	deleteArticleRows,
	deleteQuestionRows,
	findArticleOfTeacher,
	findArticleRow,
	findVersionRow,
	findQuestionOfTeacher,
	insertArticle,
	insertQuestion,
	listAllArticles,
	listAllVersions,
	listArticlesOfTeacher,
	listQuestionIdsOfArticle,
	listQuestionsOfArticle,
	listQuestionsOfTeacher,
	listVersionIdsOfQuestions,
	rewriteVersion,
	updateArticle,
	versionsInUse,
	versionWasAnswered,
	withdrawArticle,
	withdrawQuestion,
	type AuthoredArticleRow,
	type AuthoredQuestionRow
} from './db/authored';

/**
 * A teacher's own articles and questions. They join the bank's lookups (`bank.article`,
 * `bank.question`) so the reader, plays and grading treat them like the bank's, but never its
 * catalogue: nothing a teacher writes appears in free practice.
 */

/** Ids look like the bank's (lower-case words), so the reader and the bank's format take them. */
const newId = (prefix: string) => `${prefix}-${randomBytes(10).toString('hex')}`;

export function toAuthoredArticle(row: AuthoredArticleRow): AuthoredArticle {
	return {
		id: row.id,
		headline: row.headline,
		outlet: row.outlet,
		author: row.author,
		published: row.published,
		url: row.url,
		kind: row.kind as AuthoredArticle['kind'],
		body: row.body,
		parts: JSON.parse(row.parts) as PagePart[],
		uploaded: row.original !== null
	};
}

function remember(bank: LoadedBank, article: Article) {
	bank.article.set(article.id, article);
	bank.articleName[article.id] =
		article.outlet === NOT_STATED ? `the unsigned ${article.kind}` : article.outlet;
}

/**
 * Every instance keeps teachers' articles and question versions in its lookups; a save tells the
 * others through the bus, and each reads the saved row from the store.
 */
function announce(app: App, kind: 'article' | 'version', id: string): void {
	app.bus
		.publish(`authored:${kind}:${id}`)
		.catch((e) => console.error('Telling other instances about a saved question failed:', e));
}

/** Another instance saved an article or a question version: read it into this one's lookups. */
export async function hearAuthored(app: App, topic: string): Promise<void> {
	const saved = /^authored:(article|version):(.+)$/.exec(topic);
	if (!saved) return;
	if (saved[1] === 'article') {
		const row = await findArticleRow(app.store, saved[2]);
		if (row) remember(app.bank, toBankArticle(toAuthoredArticle(row)));
	} else {
		const version = await findVersionRow(app.store, saved[2]);
		if (version) app.bank.question.set(version.id, JSON.parse(version.body) as Question);
	}
}

/** At start-up: every teacher's articles and every version of their questions, into the lookups. */
export async function loadAuthored(app: App): Promise<void> {
	for (const row of await listAllArticles(app.store))
		remember(app.bank, toBankArticle(toAuthoredArticle(row)));
	for (const version of await listAllVersions(app.store))
		app.bank.question.set(version.id, JSON.parse(version.body) as Question);
}

export async function addArticle(
	app: App,
	teacherId: string,
	article: { details: ArticleDetails; body: string; original: string | null },
	now: Date
): Promise<string> {
	const id = newId('t');
	const parts = pageLines(article.body).map((): PagePart => 'body');
	const row = {
		id,
		teacher_id: teacherId,
		...article.details,
		body: article.body,
		parts: JSON.stringify(parts),
		original: article.original,
		created_at: now.toISOString(),
		shared_at: null,
		deleted_at: null
	};
	await insertArticle(app.store, row);
	remember(app.bank, toBankArticle(toAuthoredArticle(row)));
	announce(app, 'article', id);
	return id;
}

export async function listOwnArticles(app: App, teacherId: string) {
	return listArticlesOfTeacher(app.store, teacherId);
}

/** The teacher's own article, or null (a 404: another teacher's article is not shown as theirs). */
export async function findOwnArticle(
	app: App,
	teacherId: string,
	id: string
): Promise<{
	authored: AuthoredArticle;
	article: Article;
	original: string | null;
	/** When the teacher shared it with the server's other teachers; null when not shared. */
	sharedAt: string | null;
} | null> {
	const row = await findArticleOfTeacher(app.store, teacherId, id);
	if (!row) return null;
	const authored = toAuthoredArticle(row);
	return {
		authored,
		article: toBankArticle(authored),
		original: row.original,
		sharedAt: row.shared_at
	};
}

/** New details and page parts for an article; the reader shows them at once. */
export async function reviseArticle(
	app: App,
	authored: AuthoredArticle,
	details: ArticleDetails,
	parts: PagePart[]
): Promise<void> {
	// Only the details' own fields: callers may pass a whole article as its details.
	const { headline, outlet, author, published, url, kind } = details;
	const changes = { headline, outlet, author, published, url, kind };
	await updateArticle(app.store, authored.id, { ...changes, parts: JSON.stringify(parts) });
	remember(app.bank, toBankArticle({ ...authored, ...changes, parts }));
	announce(app, 'article', authored.id);
}

/** A teacher's question: its stable id, the version it asks now, and that version's text. */
export interface OwnQuestion {
	id: string;
	articleId: string;
	versionId: string;
	question: Question;
}

const toOwnQuestion = (row: AuthoredQuestionRow): OwnQuestion => ({
	id: row.id,
	articleId: row.article_id,
	versionId: row.version_id,
	question: JSON.parse(row.body) as Question
});

export async function listArticleQuestions(app: App, articleId: string): Promise<OwnQuestion[]> {
	return (await listQuestionsOfArticle(app.store, articleId)).map(toOwnQuestion);
}

/** Every question of this teacher, in the version new assignments ask. */
export async function listOwnQuestions(app: App, teacherId: string): Promise<OwnQuestion[]> {
	return (await listQuestionsOfTeacher(app.store, teacherId)).map(toOwnQuestion);
}

export async function findOwnQuestion(
	app: App,
	teacherId: string,
	articleId: string,
	questionId: string
): Promise<OwnQuestion | null> {
	const row = await findQuestionOfTeacher(app.store, teacherId, articleId, questionId);
	return row ? toOwnQuestion(row) : null;
}

/**
 * Saves a checked question. A new question gets its first version. An edit rewrites the current
 * version while no student has answered it; once one has, the edit becomes a new version and the
 * answered one stays as it was, so a stored play keeps grading and showing what it asked.
 */
export async function saveQuestion(
	app: App,
	articleId: string,
	existing: OwnQuestion | null,
	question: Question,
	now: Date
): Promise<{ id: string; versionId: string; newVersion: boolean }> {
	const saved = await storeQuestion(app, articleId, existing, question, now);
	// A kiosk drawing from the article keeps its pool cached: its next round must ask this version.
	await forgetKiosksDrawingFrom(app, articleId);
	return saved;
}

async function storeQuestion(
	app: App,
	articleId: string,
	existing: OwnQuestion | null,
	question: Question,
	now: Date
): Promise<{ id: string; versionId: string; newVersion: boolean }> {
	const at = now.toISOString();
	if (!existing) {
		const id = newId('q');
		const versionId = newId('v');
		const body = { ...question, id: versionId };
		await insertQuestion(app.store, { id, articleId, versionId, body: JSON.stringify(body), at });
		app.bank.question.set(versionId, body);
		announce(app, 'version', versionId);
		return { id, versionId, newVersion: true };
	}
	if (!(await versionWasAnswered(app.store, existing.versionId))) {
		const body = { ...question, id: existing.versionId };
		await rewriteVersion(app.store, existing.versionId, JSON.stringify(body));
		app.bank.question.set(existing.versionId, body);
		announce(app, 'version', existing.versionId);
		return { id: existing.id, versionId: existing.versionId, newVersion: false };
	}
	const versionId = newId('v');
	const body = { ...question, id: versionId };
	await addVersion(app.store, {
		questionId: existing.id,
		versionId,
		body: JSON.stringify(body),
		at
	});
	app.bank.question.set(versionId, body);
	announce(app, 'version', versionId);
	return { id: existing.id, versionId, newVersion: true };
}

/**
 * What deleting does: `deleted` when no play and no assignment asks any version, so the rows go
 * for good; `withdrawn` when one does, so the rows stay for those plays and assignments (they keep
 * grading and showing it) but the teacher's lists and every new pool leave it out.
 */
export type Deletion = 'deleted' | 'withdrawn';

/** Whether deleting this question now would withdraw it rather than delete it. */
export async function questionDeletion(app: App, question: OwnQuestion): Promise<Deletion> {
	const versions = await listVersionIdsOfQuestions(app.store, [question.id]);
	return (await versionsInUse(app.store, versions)) ? 'withdrawn' : 'deleted';
}

/** Whether deleting this article (with its questions) now would withdraw it rather than delete it. */
export async function articleDeletion(app: App, articleId: string): Promise<Deletion> {
	const questions = await listQuestionIdsOfArticle(app.store, articleId);
	const versions = await listVersionIdsOfQuestions(app.store, questions);
	return (await versionsInUse(app.store, versions)) ? 'withdrawn' : 'deleted';
}

/**
 * Deletes one of the teacher's questions; null when it is not theirs (a 404). It is withdrawn
 * first and the kiosks drawing from its article forget their pool on every instance, so no new
 * round takes it up while its use is checked; only then does an unused one go for good. Its
 * versions stay in the lookups: a stored play that asks one keeps it, and nothing new asks it.
 */
export async function deleteOwnQuestion(
	app: App,
	teacherId: string,
	articleId: string,
	questionId: string,
	now: Date
): Promise<Deletion | null> {
	const question = await findOwnQuestion(app, teacherId, articleId, questionId);
	if (!question) return null;
	await withdrawQuestion(app.store, question.id, now.toISOString());
	await forgetKiosksDrawingFrom(app, question.articleId);
	const deletion = await questionDeletion(app, question);
	if (deletion === 'deleted') await deleteQuestionRows(app.store, question.id);
	return deletion;
}

/**
 * Deletes one of the teacher's articles with all its questions; null when it is not theirs. It is
 * unshared and withdrawn, its kiosks forget it, and it goes for good unless a play or an
 * assignment asks one of its questions. Copies other teachers made are their own rows: untouched.
 */
export async function deleteOwnArticle(
	app: App,
	teacherId: string,
	articleId: string,
	now: Date
): Promise<Deletion | null> {
	if (!(await findArticleOfTeacher(app.store, teacherId, articleId))) return null;
	await withdrawArticle(app.store, articleId, now.toISOString());
	// Kiosks are found through the article's row: before it can go.
	await forgetKiosksDrawingFrom(app, articleId);
	const deletion = await articleDeletion(app, articleId);
	if (deletion === 'deleted') await deleteArticleRows(app.store, articleId);
	return deletion;
}

/** The teacher's article with its questions (current versions) in the bank's own files. */
export async function exportOwnSet(
	app: App,
	teacherId: string,
	articleId: string
): Promise<SetFile[] | null> {
	const found = await findOwnArticle(app, teacherId, articleId);
	if (!found) return null;
	const questions = await listArticleQuestions(app, articleId);
	return exportSet(
		found.article,
		questions.map((q) => q.question)
	);
}

/** A checked set becomes the teacher's own article and questions; returns the article's id. */
export async function importCheckedSet(
	app: App,
	teacherId: string,
	set: { article: Article; questions: Question[] },
	now: Date
): Promise<string> {
	const { article } = set;
	const url = /^https?:\/\//i.test(article.source) ? article.source : NOT_STATED;
	const id = await addArticle(
		app,
		teacherId,
		{
			details: {
				headline: article.headline,
				outlet: article.outlet,
				author: article.author,
				published: article.published,
				url,
				kind: article.kind
			},
			body: article.lines.map((l) => l.text).join('\n'),
			original: null
		},
		now
	);
	const found = await findOwnArticle(app, teacherId, id);
	if (found)
		await reviseArticle(
			app,
			found.authored,
			found.authored,
			article.lines.map((l) => l.part)
		);
	const rename = (a: string) => (a === article.id ? id : a);
	// One millisecond apart, so the questions list in the set's order on every store.
	for (const [i, q] of set.questions.entries())
		await saveQuestion(
			app,
			id,
			null,
			{
				...q,
				articles: q.articles.map(rename),
				evidence: q.evidence.map((e) => ({ ...e, article: rename(e.article) }))
			},
			new Date(now.getTime() + i)
		);
	return id;
}

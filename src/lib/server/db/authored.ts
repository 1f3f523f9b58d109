import type { Insertable, JoinBuilder, Selectable } from 'kysely';
import type { Store } from './connection';
import type {
	AuthoredArticleTable,
	AuthoredQuestionTable,
	AuthoredQuestionVersionTable
} from './authored-schema';

/** A teacher's own articles and questions, with their versions: every statement about them. */

export type AuthoredArticleRow = Selectable<AuthoredArticleTable>;

/** A question with the text of its current version. */
export interface AuthoredQuestionRow {
	id: string;
	article_id: string;
	version_id: string;
	body: string;
	created_at: string;
}

/** Joins an article to its questions that are not deleted. */
function liveQuestionsOfArticle(
	join: JoinBuilder<
		{ authored_article: AuthoredArticleTable; authored_question: AuthoredQuestionTable },
		'authored_article' | 'authored_question'
	>
) {
	return join
		.onRef('authored_question.article_id', '=', 'authored_article.id')
		.on('authored_question.deleted_at', 'is', null);
}

export async function insertArticle(
	store: Store,
	row: Insertable<AuthoredArticleTable>
): Promise<void> {
	await store.insertInto('authored_article').values(row).execute();
}

export async function listArticlesOfTeacher(
	store: Store,
	teacherId: string
): Promise<
	{ id: string; headline: string; outlet: string; created_at: string; questions: number }[]
> {
	const rows = await store
		.selectFrom('authored_article')
		.leftJoin('authored_question', liveQuestionsOfArticle)
		.select(({ fn }) => [
			'authored_article.id',
			'authored_article.headline',
			'authored_article.outlet',
			'authored_article.created_at',
			fn.count<number>('authored_question.id').as('questions')
		])
		.where('authored_article.teacher_id', '=', teacherId)
		.where('authored_article.deleted_at', 'is', null)
		.groupBy([
			'authored_article.id',
			'authored_article.headline',
			'authored_article.outlet',
			'authored_article.created_at'
		])
		.orderBy('authored_article.created_at', 'desc')
		.execute();
	return rows.map((r) => ({ ...r, questions: Number(r.questions) }));
}

/** The article if this teacher wrote it and has not deleted it; undefined otherwise (a 404). */
export async function findArticleOfTeacher(
	store: Store,
	teacherId: string,
	id: string
): Promise<AuthoredArticleRow | undefined> {
	return store
		.selectFrom('authored_article')
		.selectAll()
		.where('id', '=', id)
		.where('teacher_id', '=', teacherId)
		.where('deleted_at', 'is', null)
		.executeTakeFirst();
}

export async function updateArticle(
	store: Store,
	id: string,
	changes: Partial<
		Pick<
			AuthoredArticleTable,
			'headline' | 'outlet' | 'author' | 'published' | 'url' | 'kind' | 'parts'
		>
	>
): Promise<void> {
	await store.updateTable('authored_article').set(changes).where('id', '=', id).execute();
}

export async function listAllArticles(store: Store): Promise<AuthoredArticleRow[]> {
	return store.selectFrom('authored_article').selectAll().execute();
}

export async function findArticleRow(
	store: Store,
	id: string
): Promise<AuthoredArticleRow | undefined> {
	return store.selectFrom('authored_article').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findVersionRow(
	store: Store,
	id: string
): Promise<Selectable<AuthoredQuestionVersionTable> | undefined> {
	return store
		.selectFrom('authored_question_version')
		.selectAll()
		.where('id', '=', id)
		.executeTakeFirst();
}

export async function listAllVersions(
	store: Store
): Promise<Selectable<AuthoredQuestionVersionTable>[]> {
	return store.selectFrom('authored_question_version').selectAll().execute();
}

function questionsWithVersion(store: Store) {
	return store
		.selectFrom('authored_question')
		.innerJoin(
			'authored_question_version',
			'authored_question_version.id',
			'authored_question.version_id'
		)
		.innerJoin('authored_article', 'authored_article.id', 'authored_question.article_id')
		.select([
			'authored_question.id',
			'authored_question.article_id',
			'authored_question.version_id',
			'authored_question.created_at',
			'authored_question_version.body'
		])
		.where('authored_question.deleted_at', 'is', null)
		.where('authored_article.deleted_at', 'is', null);
}

export async function listQuestionsOfArticle(
	store: Store,
	articleId: string
): Promise<AuthoredQuestionRow[]> {
	return questionsWithVersion(store)
		.where('authored_question.article_id', '=', articleId)
		.orderBy('authored_question.created_at')
		.execute();
}

export async function listQuestionsOfTeacher(
	store: Store,
	teacherId: string
): Promise<AuthoredQuestionRow[]> {
	return questionsWithVersion(store)
		.where('authored_article.teacher_id', '=', teacherId)
		.orderBy('authored_question.created_at')
		.execute();
}

/** The question if it belongs to this teacher's article; undefined otherwise (a 404). */
export async function findQuestionOfTeacher(
	store: Store,
	teacherId: string,
	articleId: string,
	questionId: string
): Promise<AuthoredQuestionRow | undefined> {
	return questionsWithVersion(store)
		.where('authored_question.id', '=', questionId)
		.where('authored_question.article_id', '=', articleId)
		.where('authored_article.teacher_id', '=', teacherId)
		.executeTakeFirst();
}

export async function insertQuestion(
	store: Store,
	question: { id: string; articleId: string; versionId: string; body: string; at: string }
): Promise<void> {
	await store.transaction().execute(async (trx) => {
		await trx
			.insertInto('authored_question')
			.values({
				id: question.id,
				article_id: question.articleId,
				version_id: question.versionId,
				created_at: question.at
			})
			.execute();
		await trx
			.insertInto('authored_question_version')
			.values({
				id: question.versionId,
				question_id: question.id,
				body: question.body,
				created_at: question.at
			})
			.execute();
	});
}

/** True once any student has answered this version: from then on it never changes. */
export async function versionWasAnswered(store: Store, versionId: string): Promise<boolean> {
	const row = await store
		.selectFrom('answer')
		.select('play_id')
		.where('question_id', '=', versionId)
		.limit(1)
		.executeTakeFirst();
	return row !== undefined;
}

export async function rewriteVersion(store: Store, versionId: string, body: string): Promise<void> {
	await store
		.updateTable('authored_question_version')
		.set({ body })
		.where('id', '=', versionId)
		.execute();
}

/** A new version becomes the one new assignments ask; the old one stays for the plays that asked it. */
export async function addVersion(
	store: Store,
	version: { questionId: string; versionId: string; body: string; at: string }
): Promise<void> {
	await store.transaction().execute(async (trx) => {
		await trx
			.insertInto('authored_question_version')
			.values({
				id: version.versionId,
				question_id: version.questionId,
				body: version.body,
				created_at: version.at
			})
			.execute();
		await trx
			.updateTable('authored_question')
			.set({ version_id: version.versionId })
			.where('id', '=', version.questionId)
			.execute();
	});
}

/** The teacher who added this article, and whether they deleted it; null when it is not a teacher's. */
export async function findArticleOwner(
	store: Store,
	id: string
): Promise<{ teacherId: string; withdrawn: boolean } | null> {
	const row = await store
		.selectFrom('authored_article')
		.select(['teacher_id', 'deleted_at'])
		.where('id', '=', id)
		.executeTakeFirst();
	return row ? { teacherId: row.teacher_id, withdrawn: row.deleted_at !== null } : null;
}

/**
 * The current version of every question on these articles of this teacher, oldest question first.
 * Another teacher's article gives nothing, whatever id is asked for.
 */
export async function listCurrentVersionsOfArticles(
	store: Store,
	teacherId: string,
	articleIds: readonly string[]
): Promise<string[]> {
	if (articleIds.length === 0) return [];
	const rows = await store
		.selectFrom('authored_question')
		.innerJoin('authored_article', 'authored_article.id', 'authored_question.article_id')
		.select('authored_question.version_id')
		.where('authored_article.teacher_id', '=', teacherId)
		.where('authored_article.deleted_at', 'is', null)
		.where('authored_question.deleted_at', 'is', null)
		.where('authored_question.article_id', 'in', [...articleIds])
		.orderBy('authored_question.created_at')
		.orderBy('authored_question.id')
		.execute();
	return rows.map((r) => r.version_id);
}

/** Shares or unshares one of this teacher's articles; false when it is not theirs. */
export async function setArticleShared(
	store: Store,
	teacherId: string,
	id: string,
	sharedAt: string | null
): Promise<boolean> {
	const result = await store
		.updateTable('authored_article')
		.set({ shared_at: sharedAt })
		.where('id', '=', id)
		.where('teacher_id', '=', teacherId)
		.where('deleted_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/** A shared article with the name its owner gave. */
export type SharedArticleRow = AuthoredArticleRow & { owner_name: string };

/** The articles other teachers share, newest share first, with their question counts. */
export async function listSharedArticles(
	store: Store,
	exceptTeacherId: string
): Promise<
	{ id: string; headline: string; outlet: string; owner_name: string; questions: number }[]
> {
	const rows = await store
		.selectFrom('authored_article')
		.innerJoin('teacher', 'teacher.id', 'authored_article.teacher_id')
		.leftJoin('authored_question', liveQuestionsOfArticle)
		.select(({ fn }) => [
			'authored_article.id',
			'authored_article.headline',
			'authored_article.outlet',
			'teacher.display_name as owner_name',
			fn.count<number>('authored_question.id').as('questions')
		])
		.where('authored_article.shared_at', 'is not', null)
		.where('authored_article.deleted_at', 'is', null)
		.where('authored_article.teacher_id', '!=', exceptTeacherId)
		.groupBy([
			'authored_article.id',
			'authored_article.headline',
			'authored_article.outlet',
			'authored_article.shared_at',
			'teacher.display_name'
		])
		.orderBy('authored_article.shared_at', 'desc')
		.orderBy('authored_article.id')
		.execute();
	return rows.map((r) => ({ ...r, questions: Number(r.questions) }));
}

/** The article if its owner shares it; undefined otherwise (a 404, as for a missing one). */
export async function findSharedArticle(
	store: Store,
	id: string
): Promise<SharedArticleRow | undefined> {
	return store
		.selectFrom('authored_article')
		.innerJoin('teacher', 'teacher.id', 'authored_article.teacher_id')
		.selectAll('authored_article')
		.select('teacher.display_name as owner_name')
		.where('authored_article.id', '=', id)
		.where('authored_article.shared_at', 'is not', null)
		.where('authored_article.deleted_at', 'is', null)
		.executeTakeFirst();
}

/** Every version ever saved of these questions. */
export async function listVersionIdsOfQuestions(
	store: Store,
	questionIds: readonly string[]
): Promise<string[]> {
	if (questionIds.length === 0) return [];
	const rows = await store
		.selectFrom('authored_question_version')
		.select('id')
		.where('question_id', 'in', [...questionIds])
		.execute();
	return rows.map((r) => r.id);
}

/** Every question on this article, deleted ones included. */
export async function listQuestionIdsOfArticle(store: Store, articleId: string): Promise<string[]> {
	const rows = await store
		.selectFrom('authored_question')
		.select('id')
		.where('article_id', '=', articleId)
		.execute();
	return rows.map((r) => r.id);
}

/**
 * True when a play (a student's, or a kiosk round) or an assignment asks any of these versions.
 * Both keep their questions as a JSON array of ids, and a version id (`v-` and hex) holds no
 * pattern character, so its quoted form matches only itself.
 */
export async function versionsInUse(store: Store, versionIds: readonly string[]): Promise<boolean> {
	if (versionIds.length === 0) return false;
	for (const table of ['play', 'assignment'] as const) {
		const row = await store
			.selectFrom(table)
			.select('id')
			.where((eb) =>
				eb.or(versionIds.map((v) => eb('question_ids', 'like', `%${JSON.stringify(v)}%`)))
			)
			.limit(1)
			.executeTakeFirst();
		if (row) return true;
	}
	return false;
}

/** The question leaves the teacher's lists and every new pool; its versions stay for the plays. */
export async function withdrawQuestion(store: Store, id: string, at: string): Promise<void> {
	await store
		.updateTable('authored_question')
		.set({ deleted_at: at })
		.where('id', '=', id)
		.where('deleted_at', 'is', null)
		.execute();
}

/** The article and all its questions leave every list and pool, and it is no longer shared. */
export async function withdrawArticle(store: Store, id: string, at: string): Promise<void> {
	await store.transaction().execute(async (trx) => {
		await trx
			.updateTable('authored_article')
			.set({ deleted_at: at, shared_at: null })
			.where('id', '=', id)
			.where('deleted_at', 'is', null)
			.execute();
		await trx
			.updateTable('authored_question')
			.set({ deleted_at: at })
			.where('article_id', '=', id)
			.where('deleted_at', 'is', null)
			.execute();
	});
}

/** A question no one was asked: it and its versions are deleted for good. */
export async function deleteQuestionRows(store: Store, id: string): Promise<void> {
	await store.transaction().execute(async (trx) => {
		await trx.deleteFrom('authored_question_version').where('question_id', '=', id).execute();
		await trx.deleteFrom('authored_question').where('id', '=', id).execute();
	});
}

/** An article none of whose questions was asked: it, its questions and versions, for good. */
export async function deleteArticleRows(store: Store, id: string): Promise<void> {
	await store.transaction().execute(async (trx) => {
		await trx
			.deleteFrom('authored_question_version')
			.where('question_id', 'in', (eb) =>
				eb.selectFrom('authored_question').select('id').where('article_id', '=', id)
			)
			.execute();
		await trx.deleteFrom('authored_question').where('article_id', '=', id).execute();
		await trx.deleteFrom('authored_article').where('id', '=', id).execute();
	});
}

import { redirect } from '@sveltejs/kit';
import { draftQuestions } from '$lib/teach/drafts';
import { useApp } from '$lib/server/app';
import { saveQuestion } from '$lib/server/authored';
import { serverNow } from '$lib/server/clock';
import { readForm } from '$lib/server/forms';
import { ownArticle } from '../../own-article';
import { checkOnly, checkPosted, editorData, typeOrNotFound } from '../editor';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { authored, article } = await ownArticle(event);
	const type = typeOrNotFound(event.url.searchParams.get('type'));
	// A suggested draft opens filled in; it is stored only when the teacher saves it.
	const n = event.url.searchParams.get('draft');
	const draft = n === null ? undefined : draftQuestions(article)[Number(n)];
	return {
		article: { id: authored.id, headline: authored.headline },
		...editorData(article, type),
		fromDraft: draft?.type === type,
		values: draft?.type === type ? draft.values : ({} as Record<string, string | string[]>)
	};
};

export const actions: Actions = {
	check: async (event) => {
		const { article } = await ownArticle(event);
		const type = typeOrNotFound(event.url.searchParams.get('type'));
		const read = await readForm(event.request);
		if (!read.ok) return read.failure;
		return checkOnly(read.form, type, article);
	},

	save: async (event) => {
		const { article } = await ownArticle(event);
		const type = typeOrNotFound(event.url.searchParams.get('type'));
		const read = await readForm(event.request);
		if (!read.ok) return read.failure;
		const checked = checkPosted(read.form, type, article);
		if (!checked.ok) return checked.failure;
		const saved = await saveQuestion(useApp(), article.id, null, checked.question, serverNow());
		redirect(303, `/teach/articles/${article.id}/questions/${saved.id}?saved=1`);
	}
};

import { error, redirect } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { articleDeletion, deleteOwnArticle, listArticleQuestions } from '$lib/server/authored';
import { serverNow } from '$lib/server/clock';
import { ownArticle } from '../own-article';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { authored } = await ownArticle(event);
	const app = useApp();
	return {
		article: { id: authored.id, headline: authored.headline },
		questions: (await listArticleQuestions(app, authored.id)).length,
		deletion: await articleDeletion(app, authored.id)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { teacher, authored } = await ownArticle(event);
		const deletion = await deleteOwnArticle(useApp(), teacher.id, authored.id, serverNow());
		if (!deletion) error(404, 'There is no such article among yours.');
		redirect(303, '/teach/articles?deleted=1');
	}
};

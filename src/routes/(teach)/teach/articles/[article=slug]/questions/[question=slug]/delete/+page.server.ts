import { error, redirect } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { deleteOwnQuestion, findOwnQuestion, questionDeletion } from '$lib/server/authored';
import { serverNow } from '$lib/server/clock';
import { ownArticle } from '../../../own-article';
import type { Actions, PageServerLoad } from './$types';

const NOT_FOUND = 'There is no such question among yours.';

export const load: PageServerLoad = async (event) => {
	const { teacher, authored } = await ownArticle(event);
	const app = useApp();
	const own = await findOwnQuestion(app, teacher.id, authored.id, event.params.question);
	if (!own) error(404, NOT_FOUND);
	return {
		article: { id: authored.id, headline: authored.headline },
		question: { id: own.id, prompt: own.question.prompt },
		deletion: await questionDeletion(app, own)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { teacher, authored } = await ownArticle(event);
		const deletion = await deleteOwnQuestion(
			useApp(),
			teacher.id,
			authored.id,
			event.params.question,
			serverNow()
		);
		if (!deletion) error(404, NOT_FOUND);
		redirect(303, `/teach/articles/${authored.id}?deleted=question`);
	}
};

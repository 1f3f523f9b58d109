import { QUESTION_TYPE_NAMES } from '$lib/bank/vocabulary';
import { draftQuestions } from '$lib/teach/drafts';
import { ownArticle } from '../own-article';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { authored, article } = await ownArticle(event);
	return {
		article: { id: authored.id, headline: authored.headline },
		drafts: draftQuestions(article).map((d, n) => ({
			n,
			type: d.type,
			typeName: QUESTION_TYPE_NAMES[d.type],
			summary: d.summary,
			prompt: typeof d.values.prompt === 'string' ? d.values.prompt : ''
		}))
	};
};

import { useApp } from '$lib/server/app';
import { serverNow } from '$lib/server/clock';
import { unfinishedPlays } from '$lib/server/home';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ cookies }) => {
	const app = useApp();
	return {
		quizzes: app.bank.quizzes,
		articles: app.bank.articles.map(({ id, headline, outlet, author, published, kind }) => ({
			id,
			headline,
			outlet,
			author,
			published,
			kind
		})),
		unfinished: await unfinishedPlays(app, cookies, serverNow())
	};
};

import { error, redirect } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { unfinishedPlays } from '$lib/server/home';
import { startPlay } from '$lib/server/plays';
import { rememberPlay } from '$lib/server/recent-plays';
import type { Actions, PageServerLoad } from './$types';
import { serverNow } from '$lib/server/clock';

function findQuiz(id: string) {
	const quiz = useApp().bank.quiz.get(id);
	if (!quiz) error(404, 'There is no quiz with that name. Pick one from the home page.');
	return quiz;
}

export const load: PageServerLoad = async ({ params, cookies }) => {
	const quiz = findQuiz(params.quiz);
	const unfinished =
		(await unfinishedPlays(useApp(), cookies, serverNow())).find((p) => p.quizId === quiz.id) ??
		null;
	return { quiz, unfinished };
};

export const actions: Actions = {
	start: async ({ params, cookies, url }) => {
		const quiz = findQuiz(params.quiz);
		const id = await startPlay(useApp(), quiz, serverNow());
		rememberPlay(cookies, id, url.protocol === 'https:');
		redirect(303, `/play/${id}`);
	}
};

import { error, fail, redirect } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { countFreePlay } from '$lib/server/caps';
import { clientAddress } from '$lib/server/http/client-address';
import { unfinishedPlays } from '$lib/server/home';
import { startPlay } from '$lib/server/plays';
import { rememberPlay } from '$lib/server/recent-plays';
import type { Actions, PageServerLoad } from './$types';
import { serverNow } from '$lib/server/clock';
import { servedOverHttps } from '$lib/server/web/request-address';

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
	start: async ({ params, cookies, url, getClientAddress }) => {
		const quiz = findQuiz(params.quiz);
		const now = serverNow();
		const cap = await countFreePlay(useApp(), clientAddress({ getClientAddress }), now);
		if (!cap.ok) return fail(429, { message: cap.message });
		const id = await startPlay(useApp(), quiz, now);
		rememberPlay(cookies, id, servedOverHttps(url));
		redirect(303, `/play/${id}`);
	}
};

import { error, redirect } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { getPlay, getResults } from '$lib/server/plays';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const app = useApp();
	const results = await getResults(app, params.play);
	if (!results) {
		// Answers are revealed only when every question is answered.
		if (await getPlay(app, params.play)) redirect(303, `/play/${params.play}`);
		error(404, 'This play does not exist. Start a quiz from the home page.');
	}
	const { play, answers, summary } = results;
	return {
		play: {
			id: play.id,
			quizId: play.quiz.id,
			title: play.quiz.title,
			total: play.total,
			home: play.home,
			canReplay: app.bank.quiz.has(play.quiz.id)
		},

		answers,
		summary,
		articleNames: app.bank.articleName,
		weakestQuiz:
			summary.weakest && app.bank.quiz.has(`skill-${summary.weakest}`)
				? `skill-${summary.weakest}`
				: null
	};
};

import { error, redirect } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { serverNow } from '$lib/server/clock';
import { getPlay, getResults } from '$lib/server/plays';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const app = useApp();
	const results = await getResults(app, params.play, serverNow());
	if (!results) {
		// Answers are revealed only when every question is answered.
		if (await getPlay(app, params.play)) redirect(303, `/play/${params.play}`);
		error(404, 'This play does not exist. Start a quiz from the home page.');
	}
	const { open, answers, summary, endedEarly, revealNote } = results;
	const { quiz } = open.source;
	return {
		play: {
			id: open.play.id,
			quizId: quiz.id,
			title: quiz.title,
			total: open.play.total,
			home: open.source.home,
			canReplay: open.owner.kind === 'quiz' && app.bank.quiz.has(quiz.id)
		},

		answers,
		summary,
		endedEarly,
		revealNote,
		answered: open.play.answered,
		articleNames: app.bank.articleName,
		weakestQuiz:
			summary.weakest && app.bank.quiz.has(`skill-${summary.weakest}`)
				? `skill-${summary.weakest}`
				: null
	};
};

import { error, redirect } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { serverNow } from '$lib/server/clock';
import { getFeedback, getPlay, playProgress } from '$lib/server/plays';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const app = useApp();
	const now = serverNow();
	const found = await getFeedback(app, params.play, Number(params.n) - 1, now);
	if (!found) {
		// No answer yet for that question: its answer must not be shown, so go back to the question.
		if (await getPlay(app, params.play)) redirect(303, `/play/${params.play}`);
		error(404, 'This play does not exist. Start a quiz from the home page.');
	}
	return {
		play: playProgress(found.open, now),
		feedback: found.feedback,
		revealNote: found.revealNote,
		articleNames: app.bank.articleName
	};
};

import { error, fail, redirect } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { serverNow } from '$lib/server/clock';
import { getPlay, playIsOver, playProgress, submitAnswer } from '$lib/server/plays';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/forms';

const NO_PLAY = 'This play does not exist. Start a quiz from the home page.';

/**
 * The question controls are plain form controls that work without JavaScript, so the page ships
 * none of the framework: only `static/play-page.js`, a few lines for the busy button and local times.
 */
export const csr = false;

export const load: PageServerLoad = async ({ params }) => {
	const app = useApp();
	const open = await getPlay(app, params.play);
	if (!open) error(404, NO_PLAY);
	const now = serverNow();
	// A play that is over (time up, closed by the teacher, every question answered) ends on its
	// results, which say why; never on a question whose answer would be refused.
	if (playIsOver(open, now) && (open.play.answered > 0 || open.play.isTimeUp(now)))
		redirect(303, `/play/${params.play}/results`);
	return {
		play: playProgress(open, now),
		question: open.play.currentPublic(now),
		articleNames: app.bank.articleName,
		now: now.toISOString()
	};
};

export const actions: Actions = {
	answer: async ({ params, request }) => {
		const read = await readForm(request);
		if (!read.ok) return read.failure;
		const form = read.form;
		const outcome = await submitAnswer(
			useApp(),
			params.play,
			form.get('question'),
			form,
			serverNow()
		);
		if (outcome.kind === 'rejected') {
			if (outcome.status === 404) error(404, outcome.message);
			// Time up, or closed by the teacher: the quiz is over, and its results say why.
			if (outcome.ended) redirect(303, `/play/${params.play}/results`);
			return fail(outcome.status, { message: outcome.message });
		}
		if (outcome.feedback === 'end') {
			redirect(303, outcome.finished ? `/play/${params.play}/results` : `/play/${params.play}`);
		}
		redirect(303, `/play/${params.play}/feedback/${outcome.position + 1}`);
	}
};

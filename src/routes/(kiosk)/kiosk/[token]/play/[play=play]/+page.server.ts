import { fail, redirect } from '@sveltejs/kit';
import { kioskHome, roundPath } from '$lib/kiosk/paths';
import { useApp } from '$lib/server/app';
import { requireKiosk, requireRound } from '$lib/server/kiosk-screen';
import { getPlay, playProgress, submitAnswer } from '$lib/server/plays';
import type { Actions, PageServerLoad } from './$types';
import { serverNow } from '$lib/server/clock';

export const load: PageServerLoad = async ({ params }) => {
	const app = useApp();
	const kiosk = await requireKiosk(params.token);
	await requireRound(kiosk, params.token, params.play);
	const play = await getPlay(app, params.play);
	if (!play) redirect(303, kioskHome(params.token));
	if (!play.current) redirect(303, roundPath(params.token, play.id, '/end'));
	return {
		play: playProgress(play),
		question: play.current,
		articleNames: app.bank.articleName
	};
};

export const actions: Actions = {
	answer: async ({ params, request }) => {
		const kiosk = await requireKiosk(params.token);
		await requireRound(kiosk, params.token, params.play);
		const form = await request.formData().catch(() => null);
		if (!form) return fail(400, { message: 'The answer could not be read. Try again.' });
		// Graded on the server exactly as in student play.
		const outcome = await submitAnswer(
			useApp(),
			params.play,
			form.get('question'),
			form,
			serverNow()
		);
		if (outcome.kind === 'rejected') {
			if (outcome.status === 404) redirect(303, kioskHome(params.token));
			return fail(outcome.status, { message: outcome.message });
		}
		redirect(303, roundPath(params.token, params.play, `/feedback/${outcome.position + 1}`));
	}
};

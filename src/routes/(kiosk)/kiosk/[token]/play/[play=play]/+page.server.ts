import { fail, redirect } from '@sveltejs/kit';
import { kioskHome, roundPath } from '$lib/kiosk/paths';
import { useApp } from '$lib/server/app';
import { serverNow } from '$lib/server/clock';
import { requireKiosk } from '$lib/server/kiosk-screen';
import { getPlay, playProgress, submitAnswer } from '$lib/server/plays';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/forms';

export const load: PageServerLoad = async ({ params }) => {
	const app = useApp();
	const kiosk = await requireKiosk(params.token);
	const open = await getPlay(app, params.play);
	// A round that is over (discarded, posted, or another kiosk's) goes back to the attract screen.
	if (!open || open.owner.kind !== 'kiosk' || open.owner.id !== kiosk.id)
		redirect(303, kioskHome(params.token));
	const now = serverNow();
	const question = open.play.currentPublic(now);
	if (!question) redirect(303, roundPath(params.token, open.play.id, '/end'));
	return {
		play: playProgress(open, now),
		question,
		articleNames: app.bank.articleName
	};
};

export const actions: Actions = {
	answer: async ({ params, request }) => {
		const kiosk = await requireKiosk(params.token);
		const read = await readForm(request);
		if (!read.ok) return read.failure;
		const form = read.form;
		// Graded on the server exactly as in student play; only a round of this kiosk is answered.
		const outcome = await submitAnswer(
			useApp(),
			params.play,
			form.get('question'),
			form,
			serverNow(),
			{ kind: 'kiosk', id: kiosk.id }
		);
		if (outcome.kind === 'rejected') {
			if (outcome.status === 404) redirect(303, kioskHome(params.token));
			return fail(outcome.status, { message: outcome.message });
		}
		redirect(303, roundPath(params.token, params.play, `/feedback/${outcome.position + 1}`));
	}
};

import { redirect } from '@sveltejs/kit';
import { roundPath } from '$lib/kiosk/paths';
import { useApp } from '$lib/server/app';
import { requireKiosk, requireRound } from '$lib/server/kiosk-screen';
import { serverNow } from '$lib/server/clock';
import { getFeedback, playProgress } from '$lib/server/plays';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const app = useApp();
	const kiosk = await requireKiosk(params.token);
	await requireRound(kiosk, params.token, params.play);
	const now = serverNow();
	const found = await getFeedback(app, params.play, Number(params.n) - 1, now);
	// Not answered yet: its answer must not be shown, so back to the question.
	if (!found) redirect(303, roundPath(params.token, params.play));
	return {
		play: playProgress(found.open, now),
		feedback: found.feedback,
		articleNames: app.bank.articleName
	};
};

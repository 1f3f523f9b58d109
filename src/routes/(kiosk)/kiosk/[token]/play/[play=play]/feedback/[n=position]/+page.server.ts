import { redirect } from '@sveltejs/kit';
import { roundPath } from '$lib/kiosk/paths';
import { useApp } from '$lib/server/app';
import { requireKiosk, requireRound } from '$lib/server/kiosk-screen';
import { getFeedback, playProgress } from '$lib/server/plays';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const app = useApp();
	const kiosk = await requireKiosk(params.token);
	await requireRound(kiosk, params.token, params.play);
	const found = await getFeedback(app, params.play, Number(params.n) - 1);
	// Not answered yet: its answer must not be shown, so back to the question.
	if (!found) redirect(303, roundPath(params.token, params.play));
	const { play, feedback } = found;
	return {
		play: playProgress(play),
		feedback,
		articleNames: app.bank.articleName
	};
};

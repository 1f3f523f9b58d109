import { fail, redirect } from '@sveltejs/kit';
import { kioskHome, roundPath } from '$lib/kiosk/paths';
import { useApp } from '$lib/server/app';
import { countBoardEntry } from '$lib/server/caps';
import { postScore, todaysBoard } from '$lib/server/kiosk-leaderboard';
import { requireKiosk, requireRound } from '$lib/server/kiosk-screen';
import { discardRound } from '$lib/server/kiosks';
import { getResults } from '$lib/server/plays';
import type { Actions, PageServerLoad } from './$types';
import { serverNow } from '$lib/server/clock';
import { readForm } from '$lib/server/forms';

export const load: PageServerLoad = async ({ params }) => {
	const app = useApp();
	const kiosk = await requireKiosk(params.token);
	await requireRound(kiosk, params.token, params.play);
	const now = serverNow();
	const results = await getResults(app, params.play, now);
	if (!results) redirect(303, roundPath(params.token, params.play));
	const { score, percent, fullyRight, questions } = results.summary;
	const today = kiosk.leaderboard ? await todaysBoard(app, kiosk.id, now, null) : [];
	return {
		result: { score, percent, fullyRight, questions },
		// Where this score would stand on today's board; ties go to the earlier entry.
		place: today.filter((e) => e.score >= score).length + 1
	};
};

export const actions: Actions = {
	post: async ({ params, request }) => {
		const kiosk = await requireKiosk(params.token);
		const read = await readForm(request);
		if (!read.ok) return read.failure;
		const initials = read.form.get('initials') ?? '';
		const cap = await countBoardEntry(useApp(), kiosk.id, serverNow());
		if (!cap.ok)
			return fail(429, {
				message: cap.message,
				initials: typeof initials === 'string' ? initials : ''
			});
		// The score comes from the round's stored answers: the form carries only the initials.
		const outcome = await postScore(useApp(), kiosk, params.play, initials, serverNow());
		if (outcome.ok) redirect(303, `${kioskHome(params.token)}/board?entry=${outcome.entryId}`);
		if (outcome.status === 404) redirect(303, kioskHome(params.token));
		return fail(outcome.status, { message: outcome.message, initials: outcome.initials ?? '' });
	},
	skip: async ({ params }) => {
		const kiosk = await requireKiosk(params.token);
		await discardRound(useApp(), kiosk, params.play);
		redirect(303, kiosk.leaderboard ? `${kioskHome(params.token)}/board` : kioskHome(params.token));
	}
};

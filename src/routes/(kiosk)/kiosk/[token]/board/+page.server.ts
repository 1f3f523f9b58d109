import { redirect } from '@sveltejs/kit';
import { kioskHome } from '$lib/kiosk/paths';
import { useApp } from '$lib/server/app';
import { BOARD_SIZE, boardVersion, todaysBoard } from '$lib/server/kiosk-leaderboard';
import { requireKiosk } from '$lib/server/kiosk-screen';
import type { PageServerLoad } from './$types';
import { serverNow } from '$lib/server/clock';

export const load: PageServerLoad = async ({ params, url, depends }) => {
	// Reloaded when the heartbeat sees the board change (a new score, an entry deleted by staff).
	depends('kiosk:board');
	const kiosk = await requireKiosk(params.token);
	if (!kiosk.leaderboard) redirect(303, kioskHome(params.token));
	const today = await todaysBoard(useApp(), kiosk.id, serverNow(), null);
	const yours = url.searchParams.get('entry');
	const place = today.findIndex((e) => e.id === yours) + 1;
	return {
		boardVersion: boardVersion(today.slice(0, BOARD_SIZE)),
		entries: today.slice(0, BOARD_SIZE).map(({ id, initials, score }) => ({ id, initials, score })),
		yours: place > 0 ? { place, ...today[place - 1] } : null
	};
};

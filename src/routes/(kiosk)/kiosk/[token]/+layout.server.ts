import { requireKiosk } from '$lib/server/kiosk-screen';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ params, setHeaders }) => {
	const kiosk = await requireKiosk(params.token);
	// The URL is the kiosk's secret: keep its pages out of shared caches.
	setHeaders({ 'cache-control': 'private, no-store' });
	return {
		kiosk: {
			token: params.token,
			title: kiosk.title,
			idleSeconds: kiosk.idleSeconds,
			leaderboard: kiosk.leaderboard
		}
	};
};

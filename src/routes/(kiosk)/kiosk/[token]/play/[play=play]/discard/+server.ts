import { useApp } from '$lib/server/app';
import { requireKiosk } from '$lib/server/kiosk-screen';
import { discardRound } from '$lib/server/kiosks';
import type { RequestHandler } from './$types';

/** The screen was left alone mid-round: the round and its answers are deleted. */
export const POST: RequestHandler = async ({ params }) => {
	const kiosk = await requireKiosk(params.token);
	await discardRound(useApp(), kiosk, params.play);
	return new Response(null, { status: 204 });
};

import { json } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { boardVersion, todaysBoard } from '$lib/server/kiosk-leaderboard';
import { findKioskByToken, noteHeartbeat } from '$lib/server/kiosks';
import type { RequestHandler } from './$types';
import { serverNow } from '$lib/server/clock';

/**
 * The screen's heartbeat, every few seconds (noted for the owner's list at most once a minute): 404 once the kiosk is revoked (the screen then shows
 * "not set up"), otherwise a fingerprint of today's board so the screen can notice a change.
 */
export const GET: RequestHandler = async ({ params }) => {
	const app = useApp();
	const headers = { 'cache-control': 'no-store' };
	const kiosk = await findKioskByToken(app, params.token);
	if (!kiosk) return json({ message: 'This screen is not set up.' }, { status: 404, headers });
	const now = serverNow();
	await noteHeartbeat(app, kiosk, now);
	const board = kiosk.leaderboard ? await todaysBoard(app, kiosk.id, now) : [];
	return json({ board: boardVersion(board) }, { headers });
};

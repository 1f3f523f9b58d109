import { error, json } from '@sveltejs/kit';
import { clockCanBeMoved, moveClockForward, serverNow } from '$lib/server/clock';
import type { RequestHandler } from './$types';

/** Tests move the server's clock instead of sleeping; a normal server answers 404. */
export const POST: RequestHandler = async ({ request }) => {
	if (!clockCanBeMoved()) error(404, 'Not found');
	const body = (await request.json().catch(() => null)) as { forwardMs?: unknown } | null;
	const ms = Number(body?.forwardMs);
	if (!Number.isFinite(ms) || ms < 0)
		error(400, 'Send {"forwardMs": <a number of milliseconds, 0 or more>}.');
	return json({ now: moveClockForward(ms).toISOString() });
};

export const GET: RequestHandler = async () => {
	if (!clockCanBeMoved()) error(404, 'Not found');
	return json({ now: serverNow().toISOString() });
};

import { useApp } from '$lib/server/app';
import { liveStream } from '$lib/server/live';
import { requireOwnAssignment } from '$lib/server/teacher-assignment';
import type { RequestHandler } from './$types';

/** The dashboard's live feed: an event each time an answer or a join is stored on any instance. */
export const GET: RequestHandler = async (event) => {
	const a = await requireOwnAssignment(event);
	return liveStream(useApp(), `assignment:${a.id}`, event.request.signal);
};

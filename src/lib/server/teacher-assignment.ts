import { error, type RequestEvent } from '@sveltejs/kit';
import { useApp } from './app';
import { findOwnAssignment } from './assignments';
import { requireTeacher } from './auth/guard';

/** The signed-in teacher's assignment named in the URL, or a 404 for anyone else's. */
export async function requireOwnAssignment(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const teacher = requireTeacher(event);
	const id = (event.params as { assignment?: string }).assignment ?? '';
	const assignment = await findOwnAssignment(useApp(), teacher.id, id);
	if (!assignment) error(404, 'There is no such assignment among yours.');
	return assignment;
}

import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { SignedInTeacher } from './session';

/**
 * The signed-in teacher, or a redirect to sign in. Called in every teacher `load` and action, not
 * only in a layout, because layout loads do not rerun on every request.
 */
export function requireTeacher(event: Pick<RequestEvent, 'locals' | 'url'>): SignedInTeacher {
	const teacher = event.locals.teacher;
	if (!teacher)
		redirect(
			303,
			`/teach/signin?next=${encodeURIComponent(event.url.pathname + event.url.search)}`
		);
	return teacher;
}

import { fail, redirect } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { clientAddress } from '$lib/server/http/client-address';
import { readForm, textField } from '$lib/server/forms';
import { findAssignmentByCode } from '$lib/server/assignments';
import { JOIN_PER_ADDRESS, hitLimit, limitWait, waitMessage } from '$lib/server/auth/rate-limit';
import { isJoinCode, normalizeJoinCode } from '$lib/teach/join-code';
import type { Actions, PageServerLoad } from './$types';
import { serverNow } from '$lib/server/clock';

/** Arrived from a join link with a code that cannot be one: say so, and offer the form. */
export const load: PageServerLoad = ({ url }) => {
	const link = url.searchParams.get('link');
	return {
		fromLink: link === null ? null : { code: link.slice(0, 40) }
	};
};

export const actions: Actions = {
	default: async ({ request, getClientAddress }) => {
		const read = await readForm(request);
		if (!read.ok) return read.failure;
		const typed = textField(read.form, 'code');
		const app = useApp();
		const key = `join:${clientAddress({ getClientAddress })}`;
		const now = serverNow();
		// Only wrong codes count, so a whole class behind one school address can join at once.
		const wait = await limitWait(app.store, key, JOIN_PER_ADDRESS, now);
		if (wait > 0) return fail(429, { message: waitMessage(wait), code: typed });
		const code = normalizeJoinCode(typed);
		if (!isJoinCode(code) || !(await findAssignmentByCode(app, code))) {
			await hitLimit(app.store, key, JOIN_PER_ADDRESS, now);
			return fail(400, {
				message:
					'No assignment has that code. Check it with your teacher: it has 6 letters and numbers.',
				code: typed
			});
		}
		redirect(303, `/join/${code}`);
	}
};

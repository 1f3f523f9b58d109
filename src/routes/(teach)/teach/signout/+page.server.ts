import { redirect } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { SESSION_COOKIE, clearSessionCookie, deleteSession } from '$lib/server/auth/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/teach');

export const actions: Actions = {
	default: async ({ cookies }) => {
		const token = cookies.get(SESSION_COOKIE);
		if (token) await deleteSession(useApp().store, token);
		clearSessionCookie(cookies);
		redirect(303, '/teach/signin');
	}
};

import { fail, redirect } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { clientAddress } from '$lib/server/http/client-address';
import { readForm, textField } from '$lib/server/forms';
import { createSession, setSessionCookie } from '$lib/server/auth/session';
import { signIn } from '$lib/server/auth/teachers';
import { config } from '$lib/server/config';
import type { Actions, PageServerLoad } from './$types';
import { serverNow } from '$lib/server/clock';
import { servedOverHttps } from '$lib/server/web/request-address';

/**
 * Only same-site paths under /teach, so a crafted link cannot send a teacher elsewhere; anything
 * that is not a plain printable path (a line break would split the Location header) goes home.
 */
function safeNext(next: string | null): string {
	if (!next || !/^\/teach(?:[/?#]|$)/.test(next) || !/^[\x21-\x7e]*$/.test(next)) return '/teach';
	return next;
}

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.teacher) redirect(303, safeNext(url.searchParams.get('next')));
	return {};
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const read = await readForm(request);
		if (!read.ok) return read.failure;
		const email = textField(read.form, 'email');
		const password = textField(read.form, 'password');
		const app = useApp();
		const now = serverNow();
		const result = await signIn(
			app.store,
			email,
			password,
			clientAddress({ getClientAddress }),
			now,
			config.passwordHashCost
		);
		if (!result.ok)
			return fail(result.message.startsWith('Too many') ? 429 : 400, {
				message: result.message,
				email
			});
		const session = await createSession(app.store, result.teacherId, now);
		setSessionCookie(cookies, session.token, session.expires, servedOverHttps(url));
		redirect(303, safeNext(url.searchParams.get('next')));
	}
};

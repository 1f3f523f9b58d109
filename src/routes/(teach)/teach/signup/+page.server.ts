import { fail, redirect } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { clientAddress } from '$lib/server/http/client-address';
import { readForm, textField } from '$lib/server/forms';
import { createSession, setSessionCookie } from '$lib/server/auth/session';
import { signUp } from '$lib/server/auth/teachers';
import { config } from '$lib/server/config';
import type { Actions, PageServerLoad } from './$types';
import { serverNow } from '$lib/server/clock';
import { servedOverHttps } from '$lib/server/web/request-address';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.teacher) redirect(303, '/teach');
	return { inviteOnly: config.signup === 'invite' };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const read = await readForm(request);
		if (!read.ok) return read.failure;
		const text = (key: string) => textField(read.form, key);
		const input = {
			email: text('email'),
			name: text('name'),
			password: text('password'),
			inviteCode: text('inviteCode')
		};
		const app = useApp();
		const now = serverNow();
		const result = await signUp(app.store, input, config, now, clientAddress({ getClientAddress }));
		if (!result.ok)
			return fail(result.message.startsWith('Too many') ? 429 : 400, {
				message: result.message,
				field: result.field,
				email: input.email,
				name: input.name
			});
		const session = await createSession(app.store, result.teacherId, now);
		setSessionCookie(cookies, session.token, session.expires, servedOverHttps(url));
		redirect(303, '/teach');
	}
};

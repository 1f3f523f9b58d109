import { fail, redirect } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { createSession, setSessionCookie } from '$lib/server/auth/session';
import { signIn } from '$lib/server/auth/teachers';
import type { Actions, PageServerLoad } from './$types';
import { serverNow } from '$lib/server/clock';
import { servedOverHttps } from '$lib/server/web/request-address';

/** Only same-site paths under /teach, so a crafted link cannot send a teacher elsewhere. */
function safeNext(next: string | null): string {
	return next && next.startsWith('/teach') && !next.startsWith('//') ? next : '/teach';
}

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.teacher) redirect(303, safeNext(url.searchParams.get('next')));
	return {};
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const email = String(form.get('email') ?? '');
		const password = String(form.get('password') ?? '');
		const app = useApp();
		const now = serverNow();
		const result = await signIn(app.store, email, password, getClientAddress(), now);
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

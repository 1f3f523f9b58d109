import { error, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building, dev } from '$app/environment';
import { startApp, useApp } from '$lib/server/app';
import { config } from '$lib/server/config';
import { writeAllowed } from '$lib/server/web/origin-policy';
import { printAddresses } from '$lib/server/web/start-message';
import {
	SESSION_COOKIE,
	clearSessionCookie,
	setSessionCookie,
	validateSession
} from '$lib/server/auth/session';
import { serverNow } from '$lib/server/clock';
import { servedOverHttps } from '$lib/server/web/request-address';

/** Loads and checks the bank and opens the store before the first request; a broken bank stops here. */
export const init: ServerInit = async () => {
	await startApp();
	if (!dev && !building) printAddresses(config.listenHost, config.listenPort);
};

/**
 * Every write must come from Byline's own pages (forms and JSON alike): see
 * `web/origin-policy.ts`. SvelteKit's own form check is off because, with no configured public
 * URL, it would take every plain-http request for a cross-site one.
 */
const sameOriginWrites: Handle = async ({ event, resolve }) => {
	const allowed = writeAllowed(
		{
			method: event.request.method,
			origin: event.request.headers.get('origin'),
			host: event.url.host
		},
		config.publicUrl
	);
	if (!allowed)
		error(403, 'Cross-site requests that change data are refused. Use Byline’s own pages.');
	return resolve(event);
};

const teacherSession: Handle = async ({ event, resolve }) => {
	event.locals.teacher = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const session = await validateSession(useApp().store, token, serverNow());
		if (!session) clearSessionCookie(event.cookies);
		else {
			event.locals.teacher = session.teacher;
			if (session.renewed)
				setSessionCookie(event.cookies, token, session.renewed, servedOverHttps(event.url));
		}
	}
	return resolve(event);
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set(
		'Permissions-Policy',
		'camera=(), microphone=(), geolocation=(), interest-cohort=()'
	);
	if (event.url.pathname.startsWith('/teach'))
		response.headers.set('Cache-Control', 'private, no-store');
	return response;
};

export const handle: Handle = sequence(securityHeaders, sameOriginWrites, teacherSession);

/** Unexpected errors: logged here, shown to the person as a plain sentence without internals. */
export const handleError: HandleServerError = ({ error: err, status, message }) => {
	if (status >= 500) console.error(err);
	return {
		message:
			status >= 500 ? 'Something went wrong on our side. Please try again in a moment.' : message
	};
};

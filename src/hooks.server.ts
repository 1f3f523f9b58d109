import { error, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building, dev } from '$app/environment';
import { startApp, stopApp, useApp } from '$lib/server/app';
import { config } from '$lib/server/config';
import { writeAllowed } from '$lib/server/web/origin-policy';
import { printAddresses } from '$lib/server/web/start-message';
import {
	SESSION_COOKIE,
	clearSessionCookie,
	isSessionToken,
	setSessionCookie,
	validateSession
} from '$lib/server/auth/session';
import { serverNow } from '$lib/server/clock';
import { servedOverHttps } from '$lib/server/web/request-address';
import {
	BASELINE_HEADERS,
	applyBaselineHeaders,
	installBaselineHeaders
} from '$lib/server/http/baseline-headers';
import { actionName, decodedPath, isReservedActionName } from '$lib/server/http/paths';

/** Loads and checks the bank and opens the store before the first request; a broken bank stops here. */
export const init: ServerInit = async () => {
	installBaselineHeaders();
	await startApp();
	if (!dev && !building) printAddresses(config.listenHost, config.listenPort);
	// The Node adapter says so once a stop signal has let the last request finish.
	process.once('sveltekit:shutdown', () => {
		stopApp().catch((e) => console.error('Closing the store on the way out failed:', e));
	});
};

function refusal(status: number, message: string): Response {
	return new Response(message + '\n', {
		status,
		headers: {
			...BASELINE_HEADERS,
			'Content-Type': 'text/plain; charset=utf-8',
			'Cache-Control': 'no-store'
		}
	});
}

/**
 * For a path it cannot decode, SvelteKit runs `handle` outside its own error handling, so anything
 * thrown further in would stop the process. Such a request is answered here, before any other hook.
 */
const readablePaths: Handle = async ({ event, resolve }) => {
	if (decodedPath(event.url.pathname) === null)
		return refusal(400, 'This address could not be read. Check the link and try again.');
	return resolve(event);
};

/** Names like `?/__proto__` would find something on every object that is not an action. */
const realActionNames: Handle = async ({ event, resolve }) => {
	const name = event.request.method === 'POST' ? actionName(event.url) : null;
	if (name !== null && isReservedActionName(name))
		return refusal(404, `This page has no form action called "${name}".`);
	return resolve(event);
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
		const session = isSessionToken(token)
			? await validateSession(useApp().store, token, serverNow())
			: null;
		if (!session) clearSessionCookie(event.cookies);
		else {
			event.locals.teacher = session.teacher;
			if (session.renewed)
				setSessionCookie(event.cookies, token, session.renewed, servedOverHttps(event.url));
		}
	}
	return resolve(event);
};

/** Pages about one person (a teacher's, a student's play and results, a kiosk round). */
const PRIVATE_PAGES = /^\/(teach|play|join|kiosk)(\/|$)/;

const securityHeaders: Handle = async ({ event, resolve }) => {
	let response = await resolve(event);
	// A response made by fetch() has headers that cannot change: copy it first.
	try {
		applyBaselineHeaders(response.headers);
	} catch {
		response = new Response(response.body, response);
		applyBaselineHeaders(response.headers);
	}
	if (PRIVATE_PAGES.test(event.url.pathname))
		response.headers.set('Cache-Control', 'private, no-store');
	return response;
};

export const handle: Handle = sequence(
	readablePaths,
	securityHeaders,
	realActionNames,
	sameOriginWrites,
	teacherSession
);

/** Unexpected errors: logged here, shown to the person as a plain sentence without internals. */
export const handleError: HandleServerError = ({ error: err, status, message }) => {
	if (status >= 500) console.error(err);
	return {
		message:
			status >= 500 ? 'Something went wrong on our side. Please try again in a moment.' : message
	};
};

import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { startApp } from '$lib/server/app';

/** Loads and checks the bank and opens the store before the first request; a broken bank stops here. */
export const init: ServerInit = async () => {
	await startApp();
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set(
		'Permissions-Policy',
		'camera=(), microphone=(), geolocation=(), interest-cohort=()'
	);
	return response;
};

export const handle: Handle = sequence(securityHeaders);

/** Unexpected errors: logged here, shown to the person as a plain sentence without internals. */
export const handleError: HandleServerError = ({ error, status, message }) => {
	if (status >= 500) console.error(error);
	return {
		message:
			status >= 500 ? 'Something went wrong on our side. Please try again in a moment.' : message
	};
};

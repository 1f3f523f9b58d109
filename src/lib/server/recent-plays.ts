import type { Cookies } from '@sveltejs/kit';
import { PLAY_ID } from '$lib/play-id';

const COOKIE = 'byline_plays';
const KEEP = 6;

/**
 * The plays this browser started, newest first, so a student who closes the tab can carry on.
 * Only unguessable play ids are kept: no name, no tracking.
 */
export function recentPlayIds(cookies: Cookies): string[] {
	return (cookies.get(COOKIE) ?? '')
		.split('.')
		.filter((id) => PLAY_ID.test(id))
		.slice(0, KEEP);
}

export function rememberPlay(cookies: Cookies, id: string, secure: boolean): void {
	const ids = [id, ...recentPlayIds(cookies).filter((other) => other !== id)].slice(0, KEEP);
	cookies.set(COOKIE, ids.join('.'), {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		maxAge: 60 * 60 * 24 * 30
	});
}

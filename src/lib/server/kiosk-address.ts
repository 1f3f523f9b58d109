import type { Cookies } from '@sveltejs/kit';
import { kioskHome } from '$lib/kiosk/paths';

const COOKIE = 'byline_kiosk_address';

/**
 * Byline keeps only a hash of a kiosk's URL token, so the owner sees the full address once: the
 * action that makes it hands it to the kiosk's page in a short-lived cookie for that page only,
 * and the page takes it out again.
 */
export function showAddressOnce(cookies: Cookies, kioskId: string, token: string, secure: boolean) {
	cookies.set(COOKIE, token, {
		path: `/teach/kiosks/${kioskId}`,
		httpOnly: true,
		sameSite: 'strict',
		secure,
		maxAge: 300
	});
}

/** The new address, absolute, if the page was reached right after making it; then forgotten. */
export function takeAddress(cookies: Cookies, kioskId: string, origin: string): string | null {
	const token = cookies.get(COOKIE);
	if (!token) return null;
	cookies.delete(COOKIE, { path: `/teach/kiosks/${kioskId}` });
	return /^[A-Za-z0-9_-]{22}$/.test(token) ? origin + kioskHome(token) : null;
}

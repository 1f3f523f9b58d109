import { createHash, randomBytes } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import { deleteSessionById, findSession, insertSession, setSessionExpiry } from '../db/auth';
import type { Store } from '../db/connection';

export const SESSION_COOKIE = 'byline_session';
const LIFETIME_DAYS = 30;
const RENEW_WITHIN_DAYS = 15;
const DAY = 24 * 60 * 60 * 1000;

export interface SignedInTeacher {
	id: string;
	email: string;
	name: string;
}

/** The shape `createSession` hands out: 16 random bytes in base64url. */
export function isSessionToken(token: string): boolean {
	return /^[A-Za-z0-9_-]{22}$/.test(token);
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new session: the browser gets 128 random bits, the store keeps only their hash. */
export async function createSession(
	store: Store,
	teacherId: string,
	now: Date
): Promise<{ token: string; expires: Date }> {
	const token = randomBytes(16).toString('base64url');
	const expires = new Date(now.getTime() + LIFETIME_DAYS * DAY);
	await insertSession(store, {
		id: hashToken(token),
		teacherId,
		createdAt: now.toISOString(),
		expiresAt: expires.toISOString()
	});
	return { token, expires };
}

/** The teacher behind a session token, renewing sessions that are past half their life. */
export async function validateSession(
	store: Store,
	token: string,
	now: Date
): Promise<{ teacher: SignedInTeacher; renewed: Date | null } | null> {
	const id = hashToken(token);
	const row = await findSession(store, id);
	if (!row) return null;
	const expires = new Date(row.expires_at);
	if (expires <= now) {
		await deleteSessionById(store, id);
		return null;
	}
	let renewed: Date | null = null;
	if (expires.getTime() - now.getTime() < RENEW_WITHIN_DAYS * DAY) {
		renewed = new Date(now.getTime() + LIFETIME_DAYS * DAY);
		await setSessionExpiry(store, id, renewed.toISOString());
	}
	return { teacher: { id: row.teacherId, email: row.email, name: row.display_name }, renewed };
}

export async function deleteSession(store: Store, token: string): Promise<void> {
	await deleteSessionById(store, hashToken(token));
}

export function setSessionCookie(
	cookies: Cookies,
	token: string,
	expires: Date,
	secure: boolean
): void {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		expires
	});
}

/** Never throws: it runs in a hook for any request at all, hostile ones included. */
export function clearSessionCookie(cookies: Cookies): void {
	try {
		cookies.delete(SESSION_COOKIE, { path: '/' });
	} catch {
		// The cookie stays in the browser; it is refused again on the next request.
	}
}

import { createHash, randomBytes } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
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
	await store
		.insertInto('teacher_session')
		.values({
			id: hashToken(token),
			teacher_id: teacherId,
			created_at: now.toISOString(),
			expires_at: expires.toISOString()
		})
		.execute();
	return { token, expires };
}

/** The teacher behind a session token, renewing sessions that are past half their life. */
export async function validateSession(
	store: Store,
	token: string,
	now: Date
): Promise<{ teacher: SignedInTeacher; renewed: Date | null } | null> {
	const id = hashToken(token);
	const row = await store
		.selectFrom('teacher_session')
		.innerJoin('teacher', 'teacher.id', 'teacher_session.teacher_id')
		.select([
			'teacher.id as teacherId',
			'teacher.email',
			'teacher.display_name',
			'teacher_session.expires_at'
		])
		.where('teacher_session.id', '=', id)
		.executeTakeFirst();
	if (!row) return null;
	const expires = new Date(row.expires_at);
	if (expires <= now) {
		await store.deleteFrom('teacher_session').where('id', '=', id).execute();
		return null;
	}
	let renewed: Date | null = null;
	if (expires.getTime() - now.getTime() < RENEW_WITHIN_DAYS * DAY) {
		renewed = new Date(now.getTime() + LIFETIME_DAYS * DAY);
		await store
			.updateTable('teacher_session')
			.set({ expires_at: renewed.toISOString() })
			.where('id', '=', id)
			.execute();
	}
	return { teacher: { id: row.teacherId, email: row.email, name: row.display_name }, renewed };
}

export async function deleteSession(store: Store, token: string): Promise<void> {
	await store.deleteFrom('teacher_session').where('id', '=', hashToken(token)).execute();
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

import { randomBytes } from 'node:crypto';
import { findTeacherCredentials, findTeacherIdByEmail, insertTeacher } from '../db/auth';
import type { Store } from '../db/connection';
import { hashPassword, passwordProblem, verifyPassword } from './password';
import {
	SIGN_IN_PER_ACCOUNT,
	SIGN_IN_PER_ADDRESS,
	clearLimit,
	limitWait,
	hitLimit,
	waitMessage
} from './rate-limit';

export type AuthResult =
	{ ok: true; teacherId: string } | { ok: false; message: string; field?: string };

const TAKEN: AuthResult = {
	ok: false,
	field: 'email',
	message: 'There is already an account with that email. Sign in instead.'
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normalizeEmail(email: string): string {
	return email.trim().toLowerCase();
}

export interface SignUp {
	email: string;
	name: string;
	password: string;
	inviteCode: string;
}

export async function signUp(
	store: Store,
	input: SignUp,
	settings: { signup: 'open' | 'invite'; inviteCode: string },
	now: Date
): Promise<AuthResult> {
	if (
		settings.signup === 'invite' &&
		(!settings.inviteCode || input.inviteCode.trim() !== settings.inviteCode)
	) {
		return {
			ok: false,
			field: 'inviteCode',
			message: 'Sign-up here needs the invite code from your school’s Byline administrator.'
		};
	}
	const email = normalizeEmail(input.email);
	if (!EMAIL.test(email) || email.length > 254)
		return { ok: false, field: 'email', message: 'Enter an email address like name@school.org.' };
	const name = input.name.trim();
	if (name.length < 1 || name.length > 80)
		return {
			ok: false,
			field: 'name',
			message: 'Enter your name as students should see it (up to 80 characters).'
		};
	const problem = passwordProblem(input.password, email);
	if (problem) return { ok: false, field: 'password', message: problem };
	if (await findTeacherIdByEmail(store, email)) return TAKEN;
	const id = randomBytes(12).toString('base64url');
	// Two sign-ups for one email at once: the unique email decides, the other gets the message.
	const inserted = await insertTeacher(store, {
		id,
		email,
		display_name: name,
		password_hash: await hashPassword(input.password),
		created_at: now.toISOString()
	});
	if (!inserted) return TAKEN;
	return { ok: true, teacherId: id };
}

// Verifying against a real hash when the account does not exist keeps the timing alike.
let decoyHash: Promise<string> | null = null;

export async function signIn(
	store: Store,
	emailInput: string,
	password: string,
	address: string,
	now: Date
): Promise<AuthResult> {
	const email = normalizeEmail(emailInput);
	const addressKey = `sign-in:address:${address}`;
	const accountKey = `sign-in:account:${email}`;
	// Only failures count, so a school's staff behind one address can all sign in each morning.
	const wait = Math.max(
		await limitWait(store, addressKey, SIGN_IN_PER_ADDRESS, now),
		await limitWait(store, accountKey, SIGN_IN_PER_ACCOUNT, now)
	);
	if (wait > 0) return { ok: false, message: waitMessage(wait) };
	const teacher = await findTeacherCredentials(store, email);
	decoyHash ??= hashPassword('decoy password for timing');
	const valid = await verifyPassword(password, teacher?.password_hash ?? (await decoyHash));
	if (!teacher || !valid) {
		await hitLimit(store, addressKey, SIGN_IN_PER_ADDRESS, now);
		await hitLimit(store, accountKey, SIGN_IN_PER_ACCOUNT, now);
		return { ok: false, message: 'That email and password do not match an account.' };
	}
	await clearLimit(store, accountKey);
	return { ok: true, teacherId: teacher.id };
}

import { randomBytes } from 'node:crypto';
import { visibleText } from '$lib/plain-text';
import { findTeacherCredentials, findTeacherIdByEmail, insertTeacher } from '../db/auth';
import type { Store } from '../db/connection';
import { DEFAULT_HASH_COST, hashPassword, passwordProblem, verifyPassword } from './password';
import {
	SIGN_IN_ACCOUNT_DELAY,
	SIGN_IN_PER_ACCOUNT,
	SIGN_IN_PER_ADDRESS,
	SIGN_UP_ACCOUNTS_PER_ADDRESS,
	SIGN_UP_FAILURES_PER_ADDRESS,
	clearLimit,
	hitLimit,
	hitLimits,
	refundLimit,
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
	settings: { signup: 'open' | 'invite'; inviteCode: string; passwordHashCost?: number },
	now: Date,
	/** The client's address; sign-ups from one address are limited (see `SIGN_UP_*`). */
	address?: string
): Promise<AuthResult> {
	const failuresKey = `sign-up:failures:${address}`;
	const accountsKey = `sign-up:accounts:${address}`;
	// Wrong invite codes and taken emails are counted, so neither can be tried in bulk; counted
	// before they are checked, so a burst cannot slip past the count, and taken back on success.
	if (address) {
		const wait = await hitLimit(store, failuresKey, SIGN_UP_FAILURES_PER_ADDRESS, now);
		if (wait > 0) return { ok: false, message: waitMessage(wait) };
	}
	const result = await createAccount(store, input, settings, now, async () => {
		if (!address) return 0;
		return hitLimit(store, accountsKey, SIGN_UP_ACCOUNTS_PER_ADDRESS, now);
	});
	const failed = result === TAKEN || (!result.ok && result.field === 'inviteCode');
	if (address && !failed) await refundLimit(store, failuresKey);
	return result;
}

async function createAccount(
	store: Store,
	input: SignUp,
	settings: { signup: 'open' | 'invite'; inviteCode: string; passwordHashCost?: number },
	now: Date,
	/** Counts the account against its address before the slow hash; seconds to wait, or 0. */
	countAccount: () => Promise<number>
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
	const name = visibleText(input.name);
	if (name.length < 1 || name.length > 80)
		return {
			ok: false,
			field: 'name',
			message: 'Enter your name as students should see it (up to 80 characters).'
		};
	const problem = passwordProblem(input.password, email);
	if (problem) return { ok: false, field: 'password', message: problem };
	if (await findTeacherIdByEmail(store, email)) return TAKEN;
	const wait = await countAccount();
	if (wait > 0) return { ok: false, message: waitMessage(wait) };
	const id = randomBytes(12).toString('base64url');
	// Two sign-ups for one email at once: the unique email decides, the other gets the message.
	const inserted = await insertTeacher(store, {
		id,
		email,
		display_name: name,
		password_hash: await hashPassword(input.password, settings.passwordHashCost),
		created_at: now.toISOString()
	});
	if (!inserted) return TAKEN;
	return { ok: true, teacherId: id };
}

// Verifying against a real hash when the account does not exist keeps the timing alike.
const decoyHashes = new Map<number, Promise<string>>();

function decoyHash(cost: number): Promise<string> {
	let hash = decoyHashes.get(cost);
	if (!hash) {
		hash = hashPassword('decoy password for timing', cost);
		decoyHashes.set(cost, hash);
	}
	return hash;
}

export async function signIn(
	store: Store,
	emailInput: string,
	password: string,
	address: string,
	now: Date,
	hashCost = DEFAULT_HASH_COST
): Promise<AuthResult> {
	const email = normalizeEmail(emailInput);
	const addressKey = `sign-in:address:${address}`;
	const accountKey = `sign-in:account:${email}`;
	const pairKey = `sign-in:account:${email}:from:${address}`;
	// Counted before the slow hash, atomically, so parallel guesses cannot all slip in; a success
	// is taken back afterwards, so a school's staff behind one address can all sign in each
	// morning. Guessing from one address shuts that address out of the account; from many, each
	// guess waits longer, while the teacher can still get in.
	const wait = await hitLimits(
		store,
		[
			[addressKey, SIGN_IN_PER_ADDRESS],
			[pairKey, SIGN_IN_PER_ACCOUNT]
		],
		now,
		{ key: accountKey, delay: SIGN_IN_ACCOUNT_DELAY }
	);
	if (wait > 0) return { ok: false, message: waitMessage(wait) };
	const teacher = await findTeacherCredentials(store, email);
	const valid = await verifyPassword(
		password,
		teacher?.password_hash ?? (await decoyHash(hashCost))
	);
	if (!teacher || !valid)
		return { ok: false, message: 'That email and password do not match an account.' };
	await refundLimit(store, addressKey);
	await clearLimit(store, accountKey);
	await clearLimit(store, pairKey);
	return { ok: true, teacherId: teacher.id };
}

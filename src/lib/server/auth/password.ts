import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { COMMON_PASSWORDS } from './common-passwords';

// scrypt at the OWASP-recommended cost (N=2^17, r=8, p=1): about 128 MiB and a few hundred ms.
const COST = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
	return new Promise((resolve, reject) =>
		scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) =>
			err ? reject(err) : resolve(key)
		)
	);
}

/** `scrypt$N$r$p$salt$hash`, so the cost can be raised later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(16);
	const key = await derive(password, salt, COST);
	return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join(
		'$'
	);
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const [scheme, n, r, p, salt, hash] = stored.split('$');
	if (scheme !== 'scrypt' || !salt || !hash) return false;
	const expected = Buffer.from(hash, 'base64');
	const key = await derive(password, Buffer.from(salt, 'base64'), {
		N: Number(n),
		r: Number(r),
		p: Number(p),
		maxmem: COST.maxmem
	});
	return key.length === expected.length && timingSafeEqual(key, expected);
}

/** OWASP advice: at least 8 characters, no common passwords, no composition rules. */
export function passwordProblem(password: string, email: string): string | null {
	if (password.length < 8)
		return 'Use at least 8 characters. A few words in a row make a strong, memorable password.';
	if (password.length > 256) return 'Use at most 256 characters.';
	const lower = password.toLowerCase();
	if (
		COMMON_PASSWORDS.has(lower) ||
		lower === email.toLowerCase() ||
		lower === email.split('@')[0]?.toLowerCase()
	) {
		return 'That password is too common or too easy to guess. Try a few unrelated words instead.';
	}
	return null;
}

import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { COMMON_PASSWORDS } from './common-passwords';
import { hashQueue } from './hash-queue';

/**
 * scrypt's cost as log2 of N. 17 (N=2^17, r=8, p=1) is OWASP's recommendation: about 128 MiB and a
 * few hundred milliseconds per hash. Set with BYLINE_PASSWORD_HASH_COST; tests use less.
 */
export const DEFAULT_HASH_COST = 17;
export const HASH_COST_RANGE = { min: 10, max: 20 } as const;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

/** scrypt needs 128 × N × r bytes; allow twice that. */
const maxmemFor = (n: number, r: number) => 256 * n * r;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
	return hashQueue.run(
		() =>
			new Promise((resolve, reject) =>
				scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) =>
					err ? reject(err) : resolve(key)
				)
			)
	);
}

/** `scrypt$N$r$p$salt$hash`: each hash carries its own cost, so the cost can change later. */
export async function hashPassword(password: string, cost = DEFAULT_HASH_COST): Promise<string> {
	const n = 2 ** cost;
	const salt = randomBytes(16);
	const key = await derive(password, salt, { N: n, r: R, p: P, maxmem: maxmemFor(n, R) });
	return ['scrypt', n, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Parameters read from a stored hash, refused unless they are ones Byline could have written. */
function storedParameters(n: string, r: string, p: string): ScryptOptions | null {
	const N = Number(n);
	const logN = Math.log2(N);
	if (!Number.isInteger(logN) || logN < HASH_COST_RANGE.min || logN > HASH_COST_RANGE.max)
		return null;
	const [rr, pp] = [Number(r), Number(p)];
	if (!Number.isInteger(rr) || rr < 1 || rr > 32 || !Number.isInteger(pp) || pp < 1 || pp > 4)
		return null;
	return { N, r: rr, p: pp, maxmem: maxmemFor(N, rr) };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const [scheme, n = '', r = '', p = '', salt, hash] = stored.split('$');
	const options = storedParameters(n, r, p);
	if (scheme !== 'scrypt' || !salt || !hash || !options) return false;
	const expected = Buffer.from(hash, 'base64');
	try {
		const key = await derive(password, Buffer.from(salt, 'base64'), options);
		return key.length === expected.length && timingSafeEqual(key, expected);
	} catch {
		return false;
	}
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

import { randomBytes } from 'node:crypto';

/** 128 random bits, URL-safe: play ids must be unguessable and never sequential. */
export function newPlayId(): string {
	return randomBytes(16).toString('base64url');
}

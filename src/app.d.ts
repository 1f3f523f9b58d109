import type { SignedInTeacher } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			/** Set by hooks.server.ts when the request carries a valid teacher session. */
			teacher: SignedInTeacher | null;
		}
	}
}

export {};

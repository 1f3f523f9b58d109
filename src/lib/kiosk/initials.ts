import { isOffensiveInitials } from '$lib/teach/names';

export type InitialsResult = { ok: true; initials: string } | { ok: false; message: string };

/** Three letters A–Z, as the on-screen keyboard types them; a blocklist keeps words off the board. */
export function parseInitials(input: unknown): InitialsResult {
	const initials = String(input ?? '')
		.trim()
		.toUpperCase();
	if (!/^[A-Z]{3}$/.test(initials))
		return { ok: false, message: 'Type three letters, A to Z, for the board.' };
	if (isOffensiveInitials(initials))
		return { ok: false, message: 'Those letters can’t go on the board. Try other initials.' };
	return { ok: true, initials };
}

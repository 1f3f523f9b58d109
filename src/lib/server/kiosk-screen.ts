import { error, redirect } from '@sveltejs/kit';
import { kioskHome } from '$lib/kiosk/paths';
import { useApp } from './app';
import { findKioskByToken, isRoundOf, type Kiosk } from './kiosks';

export const NOT_SET_UP =
	'This screen is not set up. Ask a member of staff to set it up from Byline’s teacher pages.';

/**
 * The kiosk a screen's URL opens, checked in every kiosk load and action (a revoked kiosk stops at
 * its next request, whatever the layout loaded before); a 404 "not set up" page otherwise.
 */
export async function requireKiosk(token: string): Promise<Kiosk> {
	const kiosk = await findKioskByToken(useApp(), token);
	if (!kiosk) error(404, NOT_SET_UP);
	return kiosk;
}

/**
 * Makes sure `playId` is a live round of this kiosk. A round that is over (discarded, posted, or
 * from before a revocation) sends the screen back to the attract screen, never to an error page.
 */
export async function requireRound(kiosk: Kiosk, token: string, playId: string): Promise<void> {
	if (!(await isRoundOf(useApp(), kiosk, playId))) redirect(303, kioskHome(token));
}

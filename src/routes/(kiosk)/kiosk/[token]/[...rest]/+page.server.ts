import { redirect } from '@sveltejs/kit';
import { kioskHome } from '$lib/kiosk/paths';
import { requireKiosk } from '$lib/server/kiosk-screen';
import type { PageServerLoad } from './$types';

/** Any other address under a kiosk (an old round, a typo) leads back to its attract screen. */
export const load: PageServerLoad = async ({ params }) => {
	await requireKiosk(params.token);
	redirect(303, kioskHome(params.token));
};

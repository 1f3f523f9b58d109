import { redirect } from '@sveltejs/kit';
import { isJoinCode, normalizeJoinCode } from '$lib/teach/join-code';
import type { PageServerLoad } from './$types';

/**
 * A join link whose code is not a join code as written (a typo, lower case, a space): a code that
 * only needs tidying goes to its page; anything else to the join form, which says what is wrong.
 */
export const load: PageServerLoad = ({ params }) => {
	const code = normalizeJoinCode(params.code);
	if (isJoinCode(code)) redirect(303, `/join/${code}`);
	redirect(303, `/join?link=${encodeURIComponent(params.code.slice(0, 40))}`);
};

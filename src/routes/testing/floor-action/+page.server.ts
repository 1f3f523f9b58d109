import { error, redirect } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import type { Actions, PageServerLoad } from './$types';

/**
 * The framework's floor for a form action, beside `/testing/floor`'s endpoint: read a posted
 * form and answer 303, in the same build and behind the same hooks as the answer action. A normal
 * server answers 404.
 */
export const load: PageServerLoad = () => {
	if (!config.benchFloor) error(404, 'Not found');
	return {};
};

export const actions: Actions = {
	answer: async ({ request }) => {
		if (!config.benchFloor) error(404, 'Not found');
		await request.formData();
		redirect(303, '/');
	}
};

import { error, redirect } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import type { RequestHandler } from './$types';

/**
 * The framework's floor for the benchmark: read a posted form and answer 303, nothing else, in
 * the same build and behind the same hooks as the answer action. A normal server answers 404.
 */
export const POST: RequestHandler = async ({ request }) => {
	if (!config.benchFloor) error(404, 'Not found');
	await request.formData();
	redirect(303, '/');
};

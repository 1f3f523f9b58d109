import { error } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { exportOwnSet } from '$lib/server/authored';
import { requireTeacher } from '$lib/server/auth/guard';
import type { RequestHandler } from './$types';

/** One file of the article's set in the bank's format, as a download. */
export const GET: RequestHandler = async (event) => {
	const teacher = requireTeacher(event);
	const files = await exportOwnSet(useApp(), teacher.id, event.params.article);
	if (!files) error(404, 'There is no such article among yours.');
	const file = files.find((f) => f.name === event.params.file);
	if (!file) error(404, 'This set has no file of that name.');
	return new Response(file.text, {
		headers: {
			'content-type': `${file.name.endsWith('.txt') ? 'text/plain' : 'application/yaml'}; charset=utf-8`,
			'content-disposition': `attachment; filename="${file.name}"`
		}
	});
};

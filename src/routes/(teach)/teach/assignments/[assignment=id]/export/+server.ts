import { error } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { serverNow } from '$lib/server/clock';
import { longCsv, wideCsv } from '$lib/server/dashboard';
import { requireOwnAssignment } from '$lib/server/teacher-assignment';
import type { RequestHandler } from './$types';

/** CSV download: `?format=wide` (a row per student) or `?format=long` (a row per answer). */
export const GET: RequestHandler = async (event) => {
	const a = await requireOwnAssignment(event);
	const format = event.url.searchParams.get('format') ?? 'wide';
	if (format !== 'wide' && format !== 'long')
		error(400, 'Choose format=wide (a row per student) or format=long (a row per answer).');
	const now = serverNow();
	const csv = format === 'wide' ? await wideCsv(useApp(), a, now) : await longCsv(useApp(), a, now);
	const name =
		a.title
			.replace(/[^A-Za-z0-9]+/g, '-')
			.replace(/^-|-$/g, '')
			.toLowerCase() || 'assignment';
	return new Response('\uFEFF' + csv, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="${name}-${format}.csv"`,
			'Cache-Control': 'private, no-store'
		}
	});
};

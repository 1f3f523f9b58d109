import { error, type RequestEvent } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { findOwnArticle } from '$lib/server/authored';
import { requireTeacher } from '$lib/server/auth/guard';

/** The signed-in teacher's own article, else a 404 (another teacher's is "no such article"). */
export async function ownArticle(
	event: Pick<RequestEvent, 'locals' | 'url'> & { params: { article: string } }
) {
	const teacher = requireTeacher(event);
	const found = await findOwnArticle(useApp(), teacher.id, event.params.article);
	if (!found) error(404, 'There is no such article among yours.');
	return { teacher, ...found };
}

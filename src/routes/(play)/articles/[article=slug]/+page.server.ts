import { error } from '@sveltejs/kit';
import { pageBlocks } from '$lib/bank/page-blocks';
import { playOfBackLink } from '$lib/quiz/article-access';
import { useApp } from '$lib/server/app';
import { readableArticle } from '$lib/server/article-access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals, setHeaders }) => {
	const back = url.searchParams.get('back');
	const readable = await readableArticle(useApp(), params.article, {
		teacherId: locals.teacher?.id ?? null,
		playId: playOfBackLink(back)
	});
	if (!readable)
		error(404, 'There is no article with that name. Pick one from the list on the home page.');
	// A teacher's article is shown to some people only: no shared cache may keep it.
	if (!readable.public) setHeaders({ 'Cache-Control': 'private, no-store' });
	const { article } = readable;
	const quote = url.searchParams.get('quote')?.slice(0, 1000) ?? undefined;
	const blocks = pageBlocks(article, quote);
	const { id, headline, outlet, author, published, kind, provenance } = article;
	return {
		article: { id, headline, outlet, author, published, kind, provenance },
		blocks,
		quote: quote && blocks.some((b) => b.lines.some((l) => l.mark)) ? quote : null,
		back: back?.startsWith('/play/') ? back : null
	};
};

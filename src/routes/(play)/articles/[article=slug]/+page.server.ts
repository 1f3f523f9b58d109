import { error } from '@sveltejs/kit';
import { pageBlocks } from '$lib/bank/page-blocks';
import { useApp } from '$lib/server/app';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url }) => {
	const article = useApp().bank.article.get(params.article);
	if (!article)
		error(404, 'There is no article with that name. Pick one from the list on the home page.');
	const quote = url.searchParams.get('quote')?.slice(0, 1000) ?? undefined;
	const blocks = pageBlocks(article, quote);
	const { id, headline, outlet, author, published, kind, provenance } = article;
	return {
		article: { id, headline, outlet, author, published, kind, provenance },
		blocks,
		quote: quote && blocks.some((b) => b.lines.some((l) => l.mark)) ? quote : null,
		back: url.searchParams.get('back')?.startsWith('/play/') ? url.searchParams.get('back') : null
	};
};

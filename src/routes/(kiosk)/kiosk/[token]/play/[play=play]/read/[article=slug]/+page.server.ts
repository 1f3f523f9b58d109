import { redirect } from '@sveltejs/kit';
import { pageBlocks } from '$lib/bank/page-blocks';
import { roundPath } from '$lib/kiosk/paths';
import { useApp } from '$lib/server/app';
import { readableArticle } from '$lib/server/article-access';
import { requireKiosk, requireRound } from '$lib/server/kiosk-screen';
import type { PageServerLoad } from './$types';

/** The kiosk's own reader: the article as captured, and a way back to the round, nowhere else. */
export const load: PageServerLoad = async ({ params, url }) => {
	const kiosk = await requireKiosk(params.token);
	await requireRound(kiosk, params.token, params.play);
	const round = roundPath(params.token, params.play);
	// A teacher's own article opens only for a round that asks about it; otherwise it is missing.
	const readable = await readableArticle(useApp(), params.article, {
		teacherId: null,
		playId: params.play,
		kioskId: kiosk.id
	});
	if (!readable) redirect(303, round);
	const { article } = readable;
	const quote = url.searchParams.get('quote')?.slice(0, 1000) ?? undefined;
	const from = Number(url.searchParams.get('from'));
	const blocks = pageBlocks(article, quote);
	const { id, headline, outlet, author, published, kind } = article;
	return {
		article: { id, headline, outlet, author, published, kind },
		blocks,
		quote: quote && blocks.some((b) => b.lines.some((l) => l.mark)) ? quote : null,
		back: Number.isInteger(from) && from >= 1 && from <= 999 ? `${round}/feedback/${from}` : round,
		backLabel: from ? 'Back to the answer' : 'Back to the question'
	};
};

import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** What a saved web page gives: its readable text, one paragraph per line, and its title. */
export interface PageText {
	text: string;
	title: string;
}

const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, figcaption, pre, td';

/**
 * The readable text of a saved page (Mozilla's Readability over a server-side DOM), paragraph by
 * paragraph; the whole page's text when Readability finds no article. No script runs and nothing
 * is fetched: the DOM only parses.
 */
export function readablePageText(html: string): PageText {
	const { document } = parseHTML(html);
	const title = document.querySelector('title')?.textContent?.trim() ?? '';
	// Readability changes the document it reads, so it gets a copy.
	const article = new Readability(parseHTML(html).document as unknown as Document).parse();
	const content = article?.content
		? parseHTML(`<html><body>${article.content}</body></html>`).document
		: document;
	const blocks = [...content.querySelectorAll(BLOCKS)].filter(
		// A paragraph inside a list item or a quote is read with its outer block only once.
		(el) => !el.parentElement?.closest(BLOCKS)
	);
	const lines = (blocks.length > 0 ? blocks : [content.body])
		.map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
		.filter((line) => line.length > 0);
	const heading = article?.title?.trim() || title;
	if (heading && lines[0] !== heading) lines.unshift(heading);
	return { text: lines.join('\n'), title: heading };
}

import { stringify } from 'yaml';
import type { Article } from './articles.ts';
import type { Question } from './schema.ts';

/** One file of an exported set, and the bank folder it belongs in. */
export interface SetFile {
	name: string;
	/** 'articles' for the page and its metadata (`questions/articles/`), '' for the questions (`questions/`). */
	folder: 'articles' | '';
	text: string;
}

/** A bank id from a headline: its first words, lower case, joined by "-". */
export function slugOf(headline: string): string {
	const words = headline
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[^a-z0-9\s-]/g, ' ')
		.split(/[\s-]+/)
		.filter(Boolean)
		.slice(0, 6);
	return words.length > 0 ? words.join('-') : 'article';
}

/**
 * One article and its questions in the bank's own format: the page text, its metadata (with the
 * map of page parts) and a question file. Ids become the bank's kind of id, from the headline.
 */
export function exportSet(
	article: Article,
	questions: readonly Question[],
	slug = slugOf(article.headline)
): SetFile[] {
	const rename = (id: string) => (id === article.id ? slug : id);
	const meta = {
		id: slug,
		source: article.source,
		headline: article.headline,
		outlet: article.outlet,
		author: article.author,
		published: article.published,
		kind: article.kind,
		provenance: article.provenance,
		parts: article.parts
	};
	const exported = questions.map((q, i) => ({
		...q,
		id: `${slug}-${i + 1}`,
		articles: q.articles.map(rename),
		evidence: q.evidence.map((e) => ({ ...e, article: rename(e.article) }))
	}));
	return [
		{
			name: `${slug}.txt`,
			folder: 'articles',
			text: article.lines.map((l) => l.text).join('\n') + '\n'
		},
		{ name: `${slug}.yaml`, folder: 'articles', text: stringify(meta, { lineWidth: 0 }) },
		{
			name: `${slug}-questions.yaml`,
			folder: '',
			text: stringify({ questions: exported }, { lineWidth: 0 })
		}
	];
}

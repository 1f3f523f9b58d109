import type { Article } from '$lib/bank/articles';
import { pageLines } from '$lib/bank/text';
import {
	ARTICLE_KINDS,
	ARTICLE_PARTS,
	FURNITURE_PARTS,
	NOT_STATED,
	type PagePart
} from '$lib/bank/vocabulary';
import { visibleLines, visibleText } from '$lib/plain-text';

/** Limits on what a teacher may store: a long feature fits, a pasted book does not. */
export const ARTICLE_LIMITS = {
	characters: 60_000,
	lines: 400,
	field: 300,
	url: 2000
} as const;

const PARTS: readonly PagePart[] = [...ARTICLE_PARTS, ...FURNITURE_PARTS];
const FURNITURE = new Set<string>(FURNITURE_PARTS);

export function isPagePart(value: string): value is PagePart {
	return (PARTS as readonly string[]).includes(value);
}

/** What a teacher says about the page; each detail may be "not stated", as in the bank. */
export interface ArticleDetails {
	headline: string;
	outlet: string;
	author: string;
	published: string;
	url: string;
	kind: (typeof ARTICLE_KINDS)[number];
}

/** An article as stored: its details, its text, and the part of the page each line is. */
export interface AuthoredArticle extends ArticleDetails {
	id: string;
	body: string;
	parts: PagePart[];
	/** True when the text came from an uploaded file whose original is kept. */
	uploaded: boolean;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** Page text as stored: control and format characters gone, one paragraph per line. */
export function cleanArticleText(input: string): string {
	return pageLines(visibleLines(input)).join('\n');
}

/** The text and the details from the form, or the first thing a teacher must fix. */
export function readArticleForm(values: Record<string, string>): Checked<{
	details: ArticleDetails;
	body: string;
}> {
	const body = cleanArticleText(values.body ?? '');
	if (body.length === 0)
		return { ok: false, message: 'Paste the article’s text, or upload a file.' };
	if (body.length > ARTICLE_LIMITS.characters)
		return {
			ok: false,
			message: `The text is ${body.length.toLocaleString('en')} characters; an article may have at most ${ARTICLE_LIMITS.characters.toLocaleString('en')}. Leave out comments and other pages.`
		};
	const lines = pageLines(body).length;
	if (lines > ARTICLE_LIMITS.lines)
		return {
			ok: false,
			message: `The text has ${lines} paragraphs; an article may have at most ${ARTICLE_LIMITS.lines}.`
		};
	const details = readDetails(values, pageLines(body)[0]);
	return details.ok ? { ok: true, value: { details: details.value, body } } : details;
}

/** The details alone (the form that edits them), with the first line as the default headline. */
export function readDetails(
	values: Record<string, string>,
	firstLine = ''
): Checked<ArticleDetails> {
	const field = (name: string) => visibleText(values[name] ?? '');
	const stated = (name: string) => {
		const value = field(name);
		return value === '' || value.toLowerCase() === NOT_STATED ? NOT_STATED : value;
	};
	const headline = field('headline') || visibleText(firstLine);
	const named = { headline, outlet: stated('outlet'), author: stated('author') };
	for (const [name, value] of Object.entries(named)) {
		if (value.length > ARTICLE_LIMITS.field)
			return {
				ok: false,
				message: `The ${name} is ${value.length} characters; keep it to ${ARTICLE_LIMITS.field}.`
			};
	}
	if (!headline) return { ok: false, message: 'Give the headline the page shows.' };
	const published = stated('published');
	if (published !== NOT_STATED && !/^\d{4}-\d{2}-\d{2}$/.test(published))
		return {
			ok: false,
			message: 'Write the date the page shows as YYYY-MM-DD, or leave it empty for “not stated”.'
		};
	const url = stated('url');
	if (url !== NOT_STATED && (!/^https?:\/\/\S+$/i.test(url) || url.length > ARTICLE_LIMITS.url))
		return {
			ok: false,
			message:
				'The address must start with http:// or https:// (at most 2000 characters), or be empty.'
		};
	const kind = ARTICLE_KINDS.find((k) => k === field('kind')) ?? 'news report';
	return { ok: true, value: { ...named, published, url, kind } };
}

/** Each line's part from the posted form (`part-<line>`); unknown values stay article text. */
export function readParts(values: Record<string, string>, lineCount: number): PagePart[] {
	return Array.from({ length: lineCount }, (_, i) => {
		const posted = values[`part-${i}`] ?? 'body';
		return isPagePart(posted) ? posted : 'body';
	});
}

/** The article in the bank's own shape, so the reader, the checker and the export all take it. */
export function toBankArticle(a: AuthoredArticle): Article {
	const texts = pageLines(a.body);
	const partOf = (i: number): PagePart => a.parts[i] ?? 'body';
	const lines = texts.map((text, index) => {
		const part = partOf(index);
		return { index, text, part, furniture: FURNITURE.has(part) };
	});
	// One entry per run of lines with the same part, starting with the run's whole first line.
	const parts = lines
		.filter((line, i) => i === 0 || line.part !== lines[i - 1].part)
		.map((line) => ({ from: line.text, part: line.part }));
	return {
		id: a.id,
		source: a.url === NOT_STATED ? 'text given by a teacher' : a.url,
		headline: a.headline,
		outlet: a.outlet,
		author: a.author,
		published: a.published,
		kind: a.kind,
		provenance: a.uploaded
			? 'A teacher uploaded a saved copy of this page and checked its details.'
			: 'A teacher pasted this text and its details.',
		parts: parts.length > 0 ? parts : [{ from: a.headline, part: 'headline' }],
		lines
	};
}

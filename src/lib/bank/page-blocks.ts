import type { Article } from './articles.ts';
import { normalizeText } from './text.ts';
import type { PagePart } from './vocabulary.ts';

/** A line of the page, split around a highlighted quote when it holds one. */
export interface ReaderLine {
	index: number;
	before: string;
	mark: string;
	after: string;
	/** The same words shown earlier (or as the reader's own headline): set apart and labelled. */
	repeat: boolean;
}

/** Consecutive lines with the same role, shown together (a donation appeal is one block). */
export interface ReaderBlock {
	part: PagePart;
	furniture: boolean;
	lines: ReaderLine[];
	/** 1-based count of this part so far on the page, e.g. the second donation appeal is 2. */
	nth: number;
}

/**
 * Finds `quote` in `line` as the verbatim rule allows (white space and quote marks may differ) and
 * returns the exact span of the original text, or null.
 */
export function locateQuote(line: string, quote: string): { start: number; end: number } | null {
	const needle = normalizeText(quote);
	if (!needle) return null;
	// Map each character of the normalised line back to its offset in the original.
	const offsets: number[] = [];
	let normal = '';
	let lastSpace = true;
	for (let i = 0; i < line.length; i++) {
		const c = normalizeText(line[i] === ' ' || /\s/.test(line[i]) ? ' ' : line[i]) || ' ';
		if (c === ' ') {
			if (lastSpace) continue;
			lastSpace = true;
		} else lastSpace = false;
		normal += c;
		offsets.push(i);
	}
	const at = normal.indexOf(needle);
	if (at === -1) return null;
	return { start: offsets[at], end: offsets[at + needle.length - 1] + 1 };
}

export function pageBlocks(article: Article, quote?: string): ReaderBlock[] {
	const blocks: ReaderBlock[] = [];
	let marked = false;
	// Captured pages repeat their headline (title bar, page, share box); the reader shows it once.
	const seen = new Set([normalizeText(article.headline)]);
	for (const line of article.lines) {
		const span = quote && !marked ? locateQuote(line.text, quote) : null;
		if (span) marked = true;
		const words = normalizeText(line.text);
		const repeat = !span && words.length > 0 && seen.has(words);
		seen.add(words);
		const readerLine: ReaderLine = span
			? {
					index: line.index,
					before: line.text.slice(0, span.start),
					mark: line.text.slice(span.start, span.end),
					after: line.text.slice(span.end),
					repeat
				}
			: { index: line.index, before: line.text, mark: '', after: '', repeat };
		const last = blocks.at(-1);
		if (last && last.part === line.part) last.lines.push(readerLine);
		else {
			const nth = blocks.filter((b) => b.part === line.part).length + 1;
			blocks.push({ part: line.part, furniture: line.furniture, lines: [readerLine], nth });
		}
	}
	return blocks;
}

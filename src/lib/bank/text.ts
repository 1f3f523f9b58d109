/**
 * Verbatim matching as the articles' README defines it: white space (non-breaking spaces included)
 * and straight/curly quote marks may differ; nothing else may.
 */
export function normalizeText(text: string): string {
	return text
		.replace(/[\u2018\u2019\u201B\u2032]/g, "'")
		.replace(/[\u201C\u201D\u201F\u2033]/g, '"')
		.replace(/[\s\u00A0\u2007\u202F]+/g, ' ')
		.trim();
}

/** The non-empty lines of a page: the unit a quote must fit in and the unit the reader shows. */
export function pageLines(text: string): string[] {
	return text
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter((line) => line.length > 0);
}

/** Index of the first line that holds the quote verbatim, or -1. */
export function findQuoteLine(lines: readonly string[], quote: string): number {
	const needle = normalizeText(quote);
	if (needle.length === 0) return -1;
	return lines.findIndex((line) => normalizeText(line).includes(needle));
}

/** Sentences of a page, for suggesting the closest one when a quote is not verbatim. */
export function pageSentences(lines: readonly string[]): string[] {
	return lines.flatMap((line) =>
		line
			.split(/(?<=[.!?][”"’']?)\s+(?=[“"‘A-Z0-9[])/u)
			.map((s) => s.trim())
			.filter((s) => s.length > 0)
	);
}

function wordSet(text: string): Set<string> {
	return new Set(
		normalizeText(text)
			.toLowerCase()
			.split(/[^\p{L}\p{N}']+/u)
			.filter((w) => w.length > 0)
	);
}

/** The sentence sharing most words with the quote (Dice coefficient over word sets). */
export function closestSentence(sentences: readonly string[], quote: string): string | undefined {
	const target = wordSet(quote);
	let best: string | undefined;
	let bestScore = 0;
	for (const sentence of sentences) {
		const words = wordSet(sentence);
		let shared = 0;
		for (const w of target) if (words.has(w)) shared++;
		const score = (2 * shared) / (target.size + words.size || 1);
		if (score > bestScore) {
			bestScore = score;
			best = sentence;
		}
	}
	return best;
}

/** Builds the link to an article, at a quote when one is given, from a question or its evidence. */
export type ReaderHref = (article: string, quote?: string) => string;

function query(parts: Record<string, string | undefined>): string {
	const q = Object.entries(parts)
		.filter((e): e is [string, string] => e[1] !== undefined)
		.map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
		.join('&');
	return q ? `?${q}` : '';
}

/** The site's reader, with a "Back to the question" link to `back`. */
export function siteReader(back: string): ReaderHref {
	return (article, quote) =>
		`/articles/${article}${query({ quote, back })}${quote ? '#evidence' : ''}`;
}

/** A kiosk round's own reader (`<round>/read`), which never leaves the kiosk; `from` is the answer to return to. */
export function kioskReader(base: string, from: number | null = null): ReaderHref {
	return (article, quote) =>
		`${base}/${article}${query({ quote, from: from ? String(from) : undefined })}${quote ? '#evidence' : ''}`;
}

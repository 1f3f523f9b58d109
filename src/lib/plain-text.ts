/**
 * Text as a person sees it: control and format characters (Unicode Cc and Cf: NUL, zero-width
 * spaces, bidirectional overrides that show "evil" reversed) removed, and any run of white space
 * (line breaks included) made one space. Every name and title goes through this before it is
 * stored. Lone surrogates, which no one can type, go too.
 */
export function visibleText(input: string): string {
	return input
		.replace(/[\t\n\v\f\r\u0085]/g, ' ')
		.replace(HIDDEN, (kept, _flag, hidden) => (hidden ? '' : kept))
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * Invisible characters, except the two that emoji are made of: a zero-width joiner between two
 * emoji (👩‍💻, 🏳️‍🌈) and the tag letters of a subdivision flag (🏴󠁧󠁢󠁳󠁣󠁴󠁿). Those two are matched first
 * and kept; the third group is what goes.
 */
const HIDDEN =
	/(?<=\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F)\u200D(?=\p{Extended_Pictographic})|(\u{1F3F4}[\u{E0061}-\u{E007A}]{2,6}\u{E007F})|([\p{Cc}\p{Cf}]|\p{Cs})/gu;

const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The characters as a person counts them: an emoji made of several code points is one. */
export function graphemes(text: string): string[] {
	return Array.from(graphemeSegmenter.segment(text), (s) => s.segment);
}

/**
 * At most `max` characters (graphemes), cut after the last whole word that fits; a single word
 * longer than `max` is cut at `max`.
 */
export function cutAtWord(text: string, max: number): string {
	const all = graphemes(text);
	if (all.length <= max) return text;
	const head = all.slice(0, max);
	if (all[max] === ' ') return head.join('').trim();
	const lastSpace = head.lastIndexOf(' ');
	return (lastSpace > 0 ? head.slice(0, lastSpace) : head).join('').trim();
}

/** The same for text of several lines (instructions): line breaks kept, nothing else invisible. */
export function visibleLines(input: string): string {
	return input
		.replace(/\r\n?/g, '\n')
		.split('\n')
		.map((line) =>
			line
				.replace(/[\t\v\f\u0085]/g, ' ')
				.replace(HIDDEN, (kept, _flag, hidden) => (hidden ? '' : kept))
				.replace(/[^\S\n]+/g, ' ')
				.trimEnd()
		)
		.join('\n')
		.trim();
}

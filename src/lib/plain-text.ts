/**
 * Text as a person sees it: control and format characters (Unicode Cc and Cf: NUL, zero-width
 * spaces, bidirectional overrides that show "evil" reversed) removed, and any run of white space
 * (line breaks included) made one space. Every name and title goes through this before it is
 * stored. Lone surrogates, which no one can type, go too.
 */
export function visibleText(input: string): string {
	return input
		.replace(/[\t\n\v\f\r\u0085]/g, ' ')
		.replace(/[\p{Cc}\p{Cf}]|\p{Cs}/gu, '')
		.replace(/\s+/g, ' ')
		.trim();
}

/** The same for text of several lines (instructions): line breaks kept, nothing else invisible. */
export function visibleLines(input: string): string {
	return input
		.replace(/\r\n?/g, '\n')
		.split('\n')
		.map((line) =>
			line
				.replace(/[\t\v\f\u0085]/g, ' ')
				.replace(/[\p{Cc}\p{Cf}]|\p{Cs}/gu, '')
				.replace(/[^\S\n]+/g, ' ')
				.trimEnd()
		)
		.join('\n')
		.trim();
}

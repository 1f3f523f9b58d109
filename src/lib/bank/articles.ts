import { articleMetaSchema, type ArticleMeta } from './schema.ts';
import { FURNITURE_PARTS, type PagePart } from './vocabulary.ts';
import { normalizeText, pageLines } from './text.ts';
import type { BankProblem } from './problems.ts';
import type { YamlSource } from './yaml-source.ts';

export interface PageLine {
	/** 0-based position among the page's non-empty lines; evidence links point here. */
	index: number;
	text: string;
	part: PagePart;
	furniture: boolean;
}

export interface Article extends ArticleMeta {
	lines: PageLine[];
}

const furniture = new Set<string>(FURNITURE_PARTS);

/** Builds one article from its metadata file and its verbatim page text. */
export function readArticle(
	meta: YamlSource,
	pageText: string | undefined,
	expectedId: string
): { article?: Article; problems: BankProblem[] } {
	const parsed = articleMetaSchema.safeParse(meta.value(), { reportInput: true });
	if (!parsed.success) return { problems: meta.schemaProblems(parsed.error) };
	const data = parsed.data;
	const problems: BankProblem[] = [];
	if (data.id !== expectedId) {
		problems.push(
			meta.problem(['id'], `id "${data.id}" must match the file name — use "${expectedId}"`)
		);
	}
	if (pageText === undefined) {
		problems.push(
			meta.problem(
				['id'],
				`the page text ${expectedId}.txt is missing beside this file — copy it from the captured source`
			)
		);
		return { problems };
	}
	const texts = pageLines(pageText);
	const starts: number[] = [];
	data.parts.forEach((entry, i) => {
		const from = normalizeText(entry.from);
		const after = starts.at(-1) ?? -1;
		const at = texts.findIndex((t, n) => n > after && normalizeText(t).startsWith(from));
		if (at === -1) {
			problems.push(
				meta.problem(
					['parts', i, 'from'],
					`no line after the previous part starts with "${entry.from}" — copy the start of a line of ${expectedId}.txt, in page order`
				)
			);
		} else if (i === 0 && at !== 0) {
			problems.push(
				meta.problem(
					['parts', 0, 'from'],
					`the first part must start at the page's first line: "${texts[0]}"`
				)
			);
		}
		starts.push(at);
	});
	if (problems.length > 0) return { problems };
	const lines = texts.map((text, index) => {
		const part = data.parts[starts.findLastIndex((s) => s <= index)].part;
		return { index, text, part, furniture: furniture.has(part) };
	});
	return { article: { ...data, lines }, problems };
}

import type { Article } from './articles.ts';
import type { BankProblem } from './problems.ts';
import type { Question } from './schema.ts';
import { closestSentence, findQuoteLine, normalizeText, pageSentences } from './text.ts';
import type { Path, YamlSource } from './yaml-source.ts';

/** A validated question and the place it was written, for error messages. */
export interface LocatedQuestion {
	question: Question;
	source: YamlSource;
	path: Path;
}

// Abbreviations that end in a full stop without ending a sentence.
const ABBREVIATIONS = /\b(?:U\.S|U\.N|Sen|Rep|Gov|Mr|Mrs|Ms|Dr|St|vs|e\.g|i\.e|D-CA|R-Fla)\.$/;

export function countSentences(text: string): number {
	const pieces = text.trim().split(/(?<=[.!?][”"’')]?)\s+(?=[“"‘'(A-Z0-9])/u);
	let count = 0;
	for (let i = 0; i < pieces.length; i++) {
		if (i === pieces.length - 1 || !ABBREVIATIONS.test(pieces[i])) count++;
	}
	return count;
}

/** Every rule that one question must keep, given the bank's articles. */
export function checkQuestion(
	{ question: q, source, path }: LocatedQuestion,
	articles: ReadonlyMap<string, Article>
): BankProblem[] {
	const problems: BankProblem[] = [];
	const at = (sub: Path, message: string) =>
		problems.push(source.problem([...path, ...sub], message));
	const known = [...articles.keys()].join(', ');

	q.articles.forEach((id, i) => {
		if (!articles.has(id)) at(['articles', i], `unknown article "${id}" — use one of: ${known}`);
	});
	if (new Set(q.articles).size !== q.articles.length)
		at(['articles'], 'an article is listed twice');

	if (countSentences(q.explanation) > 3) {
		at(
			['explanation'],
			'the explanation has more than 3 sentences — keep it to 1–3 that teach the skill'
		);
	}

	q.evidence.forEach((ev, i) => {
		const article = articles.get(ev.article);
		if (!article) {
			at(['evidence', i, 'article'], `unknown article "${ev.article}" — use one of: ${known}`);
			return;
		}
		if (!q.articles.includes(ev.article)) {
			at(
				['evidence', i, 'article'],
				`evidence comes from "${ev.article}", which is not in this question's articles — add it there or quote another article`
			);
		}
		checkVerbatim(article, ev.quote, (message) => at(['evidence', i, 'quote'], message));
	});

	const options = 'options' in q ? q.options : [];
	const seen = new Set<string>();
	options.forEach((option, i) => {
		const key = normalizeText(option).toLowerCase();
		if (seen.has(key)) at(['options', i], `option "${option}" appears twice — remove one`);
		seen.add(key);
	});
	const hasOption = (value: string) =>
		options.some((o) => normalizeText(o) === normalizeText(value));
	const listed = `the options are: ${options.map((o) => JSON.stringify(o)).join(', ')}`;

	switch (q.type) {
		case 'single-choice':
		case 'find-the-evidence':
			if (!hasOption(q.answer))
				at(
					['answer'],
					`the answer "${q.answer}" is not one of the options — copy it exactly; ${listed}`
				);
			if (q.type === 'find-the-evidence') {
				q.options.forEach((option, i) => {
					const pages = q.articles.map((id) => articles.get(id)).filter((a) => a !== undefined);
					if (
						!pages.some(
							(a) =>
								findQuoteLine(
									a.lines.map((l) => l.text),
									option
								) !== -1
						)
					) {
						const first = pages[0];
						if (first)
							checkVerbatim(first, option, (message) =>
								at(['options', i], `option is not a sentence of the page: ${message}`)
							);
					}
				});
			}
			break;
		case 'select-all':
			q.answers.forEach((answer, i) => {
				if (!hasOption(answer))
					at(['answers', i], `"${answer}" is not one of the options — copy it exactly; ${listed}`);
			});
			if (new Set(q.answers.map(normalizeText)).size !== q.answers.length)
				at(['answers'], 'a right option is listed twice');
			break;
		case 'who-said-it': {
			const quotes = new Set<string>();
			q.pairs.forEach((pair, i) => {
				const key = normalizeText(pair.quote);
				if (quotes.has(key))
					at(['pairs', i, 'quote'], 'this quote is listed twice — each quote is matched once');
				quotes.add(key);
			});
			const speakers = new Set(q.pairs.map((p) => normalizeText(p.speaker)));
			q.distractors.forEach((d, i) => {
				if (speakers.has(normalizeText(d)))
					at(
						['distractors', i],
						`"${d}" is also a right speaker — a distractor must match no quote`
					);
			});
			break;
		}
		case 'fact-or-opinion':
			if (new Set(q.labels).size !== q.labels.length) at(['labels'], 'a label is listed twice');
			q.statements.forEach((s, i) => {
				if (!q.labels.includes(s.label)) {
					at(
						['statements', i, 'label'],
						`label "${s.label}" is not one of the labels ${q.labels.map((l) => JSON.stringify(l)).join(', ')}`
					);
				}
			});
			break;
		case 'true-false':
			break;
	}
	return problems;
}

function checkVerbatim(article: Article, quote: string, report: (message: string) => void) {
	const texts = article.lines.map((l) => l.text);
	if (findQuoteLine(texts, quote) !== -1) return;
	const closest = closestSentence(pageSentences(texts), quote);
	report(
		`not found verbatim in "${article.id}" (a quote must match the page exactly, within one line; only white space and quote-mark style may differ)` +
			(closest ? `. Closest sentence of the page: "${closest}"` : '')
	);
}

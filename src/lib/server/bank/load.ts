import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { readArticle, type Article } from '../../bank/articles.ts';
import type { BankResult } from '../../bank/bank.ts';
import {
	BANK_COVERAGE,
	checkCoverage,
	checkGuessing,
	checkUnique,
	type Coverage
} from '../../bank/bank-rules.ts';
import type { BankProblem } from '../../bank/problems.ts';
import { checkQuestion, type LocatedQuestion } from '../../bank/question-rules.ts';
import { questionFileSchema, questionSchema, type Question } from '../../bank/schema.ts';
import { normalizeText } from '../../bank/text.ts';
import { YamlSource } from '../../bank/yaml-source.ts';

export type { Bank, BankResult } from '../../bank/bank.ts';

export interface LoadOptions {
	/** Minimums the whole bank must meet; `null` for partial banks such as test fixtures. */
	coverage?: Coverage | null;
	/** Paths in messages are relative to this folder. */
	cwd?: string;
	/** Where the articles are, when not in `dir/articles` (test fixtures share one set). */
	articleDir?: string;
}

/**
 * Reads, validates and cross-checks the bank in `dir` (articles in `dir/articles`, questions in
 * `dir/*.yaml`). Every problem is collected, so one run lists all there is to fix.
 */
export function loadBank(dir: string, options: LoadOptions = {}): BankResult {
	const cwd = options.cwd ?? process.cwd();
	const coverage = options.coverage === undefined ? BANK_COVERAGE : options.coverage;
	const name = (path: string) => relative(cwd, path) || path;
	const problems: BankProblem[] = [];

	const articleDir = options.articleDir ?? join(dir, 'articles');
	const articles = new Map<string, Article>();
	const metaFiles = existsSync(articleDir) ? yamlFiles(articleDir) : [];
	if (metaFiles.length === 0) {
		problems.push({
			file: name(articleDir),
			line: 1,
			column: 1,
			message: 'no article metadata (*.yaml) found — each page needs <id>.yaml and <id>.txt here'
		});
	}
	for (const file of metaFiles) {
		const source = new YamlSource(name(file), readFileSync(file, 'utf8'));
		const syntax = source.syntaxProblems();
		if (syntax.length > 0) {
			problems.push(...syntax);
			continue;
		}
		const id = basename(file).replace(/\.ya?ml$/, '');
		const textFile = join(articleDir, `${id}.txt`);
		const text = existsSync(textFile) ? readFileSync(textFile, 'utf8') : undefined;
		const result = readArticle(source, text, id);
		problems.push(...result.problems);
		if (result.article) articles.set(result.article.id, result.article);
	}

	const located: LocatedQuestion[] = [];
	const questionFiles = yamlFiles(dir);
	if (questionFiles.length === 0) {
		problems.push({
			file: name(dir),
			line: 1,
			column: 1,
			message: 'no question files (*.yaml) found'
		});
	}
	for (const file of questionFiles) {
		const source = new YamlSource(name(file), readFileSync(file, 'utf8'));
		const syntax = source.syntaxProblems();
		if (syntax.length > 0) {
			problems.push(...syntax);
			continue;
		}
		const shape = questionFileSchema.safeParse(source.value(), { reportInput: true });
		if (!shape.success) {
			problems.push(...source.schemaProblems(shape.error));
			continue;
		}
		shape.data.questions.forEach((raw, i) => {
			const parsed = questionSchema.safeParse(raw, { reportInput: true });
			if (parsed.success) located.push({ question: parsed.data, source, path: ['questions', i] });
			else problems.push(...source.schemaProblems(parsed.error, ['questions', i]));
		});
	}

	for (const lq of located) problems.push(...checkQuestion(lq, articles));
	problems.push(...checkUnique(located));
	if (coverage) {
		problems.push(...checkCoverage(located, articles, name(dir), coverage));
		problems.push(...checkGuessing(located, name(dir), coverage.guessing));
	}

	if (problems.length > 0) return { ok: false, problems };
	return {
		ok: true,
		bank: {
			articles: [...articles.values()],
			questions: located.map((lq) => inPageOrder(lq.question, articles))
		}
	};
}

/** A find-the-evidence passage reads in the order of the page, whatever order it was written in. */
function inPageOrder(q: Question, articles: ReadonlyMap<string, Article>): Question {
	if (q.type !== 'find-the-evidence') return q;
	const position = (option: string) => {
		for (const [n, id] of q.articles.entries()) {
			const texts = articles.get(id)?.lines.map((l) => normalizeText(l.text)) ?? [];
			const needle = normalizeText(option);
			const line = texts.findIndex((t) => t.includes(needle));
			if (line !== -1) return n * 1e9 + line * 1e5 + texts[line].indexOf(needle);
		}
		return Number.MAX_SAFE_INTEGER;
	};
	return { ...q, options: [...q.options].sort((a, b) => position(a) - position(b)) };
}

function yamlFiles(dir: string): string[] {
	return readdirSync(dir)
		.filter((f) => /\.ya?ml$/.test(f))
		.sort()
		.map((f) => join(dir, f));
}

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Article } from '../../bank/articles.ts';
import { formatProblem } from '../../bank/problems.ts';
import type { Question } from '../../bank/schema.ts';
import { loadBank } from './load.ts';

export type CheckedSet =
	{ ok: true; article: Article; questions: Question[] } | { ok: false; problems: string[] };

/** What an import may carry: one page, its metadata, question files; a few hundred KB at most. */
export const SET_LIMITS = { files: 6, bytes: 400_000 } as const;

/**
 * Checks an uploaded set with the checker itself (`questions:check`'s own loader, without the
 * whole bank's coverage minimums): the `.txt` and the `.yaml` of the same name are the article,
 * every other `.yaml` a question file. Problems come back as the checker's file:line:column lines.
 */
export function checkSet(files: readonly { name: string; text: string }[]): CheckedSet {
	const pages = files.filter((f) => f.name.endsWith('.txt'));
	if (pages.length !== 1)
		return {
			ok: false,
			problems: ['Choose exactly one page text (.txt) with its .yaml and the questions’ .yaml.']
		};
	const id = basename(pages[0].name, '.txt');
	const dir = mkdtempSync(join(tmpdir(), 'byline-set-'));
	try {
		mkdirSync(join(dir, 'articles'));
		for (const file of files) {
			const name = basename(file.name);
			const isArticle = name === `${id}.txt` || name === `${id}.yaml` || name === `${id}.yml`;
			writeFileSync(join(dir, isArticle ? 'articles' : '', name), file.text);
		}
		const result = loadBank(dir, { coverage: null, cwd: dir });
		if (!result.ok) return { ok: false, problems: result.problems.map(formatProblem) };
		const [article, ...others] = result.bank.articles;
		if (!article || others.length > 0)
			return { ok: false, problems: ['A set holds one article; import each article on its own.'] };
		return { ok: true, article, questions: result.bank.questions };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportSet } from '../../bank/set-export';
import { loadBank } from './load';
import { checkSet } from './set-import';

const bank = loadBank(resolve(import.meta.dirname, '../../../../questions'));
if (!bank.ok) throw new Error('the bank must load');
const article = bank.bank.articles.find((a) => a.id === 'mother-jones');
if (!article) throw new Error('mother-jones');
const questions = bank.bank.questions.filter(
	(q) => q.articles.length === 1 && q.articles[0] === 'mother-jones'
);

describe('a set exported in the bank’s format', () => {
	it('passes the checker and comes back with the same article and questions', () => {
		const files = exportSet(article, questions, 'mj-copy');
		const checked = checkSet(files);
		if (!checked.ok) throw new Error(checked.problems.join('\n'));
		expect(checked.article.lines).toEqual(article.lines);
		expect(checked.article.headline).toBe(article.headline);
		const strip = (q: (typeof questions)[number]) => ({
			...q,
			id: '',
			articles: [],
			evidence: q.evidence.map((e) => e.quote)
		});
		expect(checked.questions.map(strip)).toEqual(questions.map(strip));
	});

	it('reports the checker’s file:line:column messages on a broken set', () => {
		const files = exportSet(article, questions.slice(0, 1), 'mj-copy');
		const broken = files.map((f) =>
			f.name.endsWith('-questions.yaml')
				? { ...f, text: f.text.replace(/quote: (.*)/, 'quote: not in the page at all') }
				: f
		);
		const checked = checkSet(broken);
		expect(checked.ok).toBe(false);
		if (checked.ok) return;
		expect(checked.problems[0]).toMatch(
			/^mj-copy-questions\.yaml:\d+:\d+: not found verbatim in "mj-copy"/
		);
	});

	it('asks for exactly one page', () => {
		const checked = checkSet(exportSet(article, questions).filter((f) => !f.name.endsWith('.txt')));
		expect(checked).toEqual({
			ok: false,
			problems: ['Choose exactly one page text (.txt) with its .yaml and the questions’ .yaml.']
		});
	});
});

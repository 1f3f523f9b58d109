import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BANK_COVERAGE } from '../../bank/bank-rules.ts';
import { loadBank, type BankResult } from './load.ts';
import type { BankProblem } from '../../bank/problems.ts';

const fixtures = join(import.meta.dirname, 'fixtures');
const articleDir = join(fixtures, 'articles');
const cwd = fixtures;

function load(dir: string, opts: { articleDir?: string } = {}): BankResult {
	return loadBank(join(fixtures, dir), { coverage: null, articleDir, cwd, ...opts });
}

function problemsOf(dir: string, opts: { articleDir?: string } = {}): BankProblem[] {
	const result = load(dir, opts);
	expect(result.ok, `${dir} should be rejected`).toBe(false);
	return result.ok ? [] : result.problems;
}

/** The one problem whose message matches, with its place. */
function problemMatching(problems: BankProblem[], pattern: RegExp): BankProblem {
	const found = problems.filter((p) => pattern.test(p.message));
	expect(
		found,
		`no problem matches ${pattern}; got:\n${problems.map((p) => p.message).join('\n')}`
	).toHaveLength(1);
	return found[0];
}

describe('the question checker', () => {
	it('accepts a valid bank with one question of each type', () => {
		const result = load('good');
		expect(result.ok ? [] : result.problems).toEqual([]);
		expect(result.ok && result.bank.questions.map((q) => q.type)).toEqual([
			'single-choice',
			'select-all',
			'true-false',
			'who-said-it',
			'find-the-evidence',
			'fact-or-opinion'
		]);
	});

	it('marks page furniture apart from the article', () => {
		const result = load('good');
		const lines = result.ok ? result.bank.articles[0].lines : [];
		expect(lines.map((l) => [l.part, l.furniture])).toEqual([
			['breadcrumb', true],
			['headline', false],
			['body', false],
			['body', false],
			['donation-appeal', true]
		]);
	});

	it('reports YAML syntax errors with their line', () => {
		const p = problemMatching(problemsOf('broken/syntax'), /YAML syntax/);
		expect(p.file).toBe('broken/syntax/questions.yaml');
		expect(p.line).toBeGreaterThanOrEqual(3);
	});

	it('names a missing field at the question that lacks it', () => {
		const p = problemMatching(problemsOf('broken/missing-field'), /"skill" is missing/);
		expect([p.file, p.line]).toEqual(['broken/missing-field/questions.yaml', 2]);
	});

	it('names an unknown field and where it is', () => {
		const p = problemMatching(problemsOf('broken/unknown-field'), /unknown field "hint"/);
		expect(p.line).toBe(2);
	});

	it('lists every bad value, not only the first, each at its own line', () => {
		const problems = problemsOf('broken/bad-enum');
		const skill = problemMatching(
			problems,
			/"skill": "spelling" is not allowed — use one of "attribution"/
		);
		const difficulty = problemMatching(problems, /difficulty is 1 \(easy\), 2 or 3/);
		expect([skill.line, skill.column]).toEqual([4, 12]);
		expect(difficulty.line).toBe(6);
	});

	it('refuses an id used twice, pointing at the first use', () => {
		const p = problemMatching(
			problemsOf('broken/duplicate-id'),
			/id "town-same" is already used at broken\/duplicate-id\/a.yaml:2/
		);
		expect([p.file, p.line]).toEqual(['broken/duplicate-id/b.yaml', 2]);
	});

	it('refuses an answer that is not among the options', () => {
		const p = problemMatching(
			problemsOf('broken/answer-not-option'),
			/the answer "7-2" is not one of the options/
		);
		expect(p.line).toBe(10);
	});

	it('refuses a select-all answer that is not among the options', () => {
		const p = problemMatching(
			problemsOf('broken/select-all-answer'),
			/"Tom Ball" is not one of the options/
		);
		expect(p.line).toBe(10);
	});

	it('refuses a quote that is not verbatim and suggests the closest sentence', () => {
		const p = problemMatching(
			problemsOf('broken/quote-not-verbatim'),
			/not found verbatim in "town"/
		);
		expect(p.message).toContain(
			'Closest sentence of the page: "The council voted 7–2 on Tuesday to repair the bridge, said Mayor Ana Ruiz."'
		);
		expect([p.line, p.column]).toEqual([13, 33]);
	});

	it('refuses a quote that runs across two lines of the page', () => {
		problemMatching(problemsOf('broken/quote-two-lines'), /not found verbatim/);
	});

	it('accepts quotes that differ only in white space and quote-mark style', () => {
		// The good fixture quotes “It’s the right call,” said\u00a0engineer with straight quotes and a plain space.
		expect(load('good').ok).toBe(true);
	});

	it('refuses a find-the-evidence option that is not a sentence of the page', () => {
		const p = problemMatching(
			problemsOf('broken/evidence-option'),
			/option is not a sentence of the page/
		);
		expect(p.line).toBe(11);
	});

	it('refuses the same prompt twice, whatever its spacing and case', () => {
		const p = problemMatching(
			problemsOf('broken/duplicate-prompt'),
			/the same prompt is already asked by "town-one"/
		);
		expect(p.line).toBe(20);
	});

	it('refuses an unknown article', () => {
		const p = problemMatching(
			problemsOf('broken/unknown-article'),
			/unknown article "city" — use one of: town/
		);
		expect([p.line, p.column]).toEqual([3, 22]);
	});

	it('refuses evidence from an article the question is not about', () => {
		problemMatching(problemsOf('broken/evidence-article'), /unknown article "elsewhere"/);
	});

	it('refuses a who-said-it distractor that is also a right speaker', () => {
		problemMatching(problemsOf('broken/distractor-speaker'), /"Tom Bell" is also a right speaker/);
	});

	it('refuses a fact-or-opinion label that is not offered', () => {
		problemMatching(
			problemsOf('broken/unknown-label'),
			/label "Opnion" is not one of the labels "Fact", "Opinion"/
		);
	});

	it('refuses an explanation of more than three sentences', () => {
		problemMatching(problemsOf('broken/long-explanation'), /more than 3 sentences/);
	});

	it('enforces the bank-wide minimums and says how many are missing', () => {
		const result = loadBank(join(fixtures, 'good'), { articleDir, cwd, coverage: BANK_COVERAGE });
		const problems = result.ok ? [] : result.problems;
		problemMatching(problems, /the bank has 6, needs at least 75 — add 69 more questions/);
		problemMatching(problems, /article "town" has 6, needs at least 18/);
		problemMatching(problems, /has 0, needs at least 12 — add 12 more questions comparing/);
		problemMatching(problems, /skill "framing" has 0, needs at least 6/);
		problemMatching(problems, /type "true-false" has 1, needs at least 5/);
		expect(problems.every((p) => p.file === 'good')).toBe(true);
	});

	it('enforces the balance of "sound" and "problem" answers', () => {
		const result = loadBank(join(fixtures, 'good'), {
			articleDir,
			cwd,
			coverage: {
				...BANK_COVERAGE,
				questions: 0,
				perArticle: 0,
				comparing: 0,
				perSkill: 0,
				perType: 0,
				stanceGap: 0
			}
		});
		// The fixture has 3 sound and 1 problem question: a gap of 2 is the least ever allowed.
		expect(result.ok).toBe(true);
		const skewed = loadBank(join(fixtures, 'broken/stance'), {
			articleDir,
			cwd,
			coverage: {
				...BANK_COVERAGE,
				questions: 0,
				perArticle: 0,
				comparing: 0,
				perSkill: 0,
				perType: 0
			}
		});
		problemMatching(
			skewed.ok ? [] : skewed.problems,
			/stance is out of balance: 0 "sound" and 3 "problem"/
		);
	});
});

describe('the guessing rules', () => {
	const judged = (dir: string) =>
		loadBank(join(fixtures, dir), {
			articleDir,
			cwd,
			coverage: {
				...BANK_COVERAGE,
				questions: 0,
				perArticle: 0,
				comparing: 0,
				perSkill: 0,
				perType: 0,
				stanceGap: 1
			}
		});
	const problemsIn = (dir: string) => {
		const result = judged(dir);
		expect(result.ok, `${dir} should be rejected`).toBe(false);
		return result.ok ? [] : result.problems;
	};

	it('refuses a bank that a solver wins without reading, naming the questions it wins', () => {
		const p = problemMatching(
			problemsIn('broken/guessable-true-false'),
			/true-false: answered without reading, "always False" scores 100 % where chance is 50 %/
		);
		expect(p.message).toContain('"always False" wins town-tf-1, town-tf-2');
		expect(p.message).toMatch(/\| true-false \| 6 +\| 50 %/);
	});

	it('keeps True keys between 40 and 60 percent, also within "sound" and within "problem"', () => {
		const problems = problemsIn('broken/guessable-true-false');
		problemMatching(problems, /^true-false questions: 0 % have the key True \(allowed 40 %–60 %\)/);
		problemMatching(problems, /"problem" true-false questions: 0 % have the key True/);
	});

	it('limits how often the right option is the longest', () => {
		const problems = problemsIn('broken/longest-answer');
		problemMatching(
			problems,
			/single-choice: the right option is the longest in 5 of 5 questions \(100 %; at most 35 %\) — shorten the answer or lengthen a distractor in: town-long-1/
		);
		problemMatching(problems, /"longest option" scores 100 %/);
	});

	it('keeps "sound" and "problem" keys balanced within each type', () => {
		problemMatching(
			problemsIn('broken/stance-by-type'),
			/fact-or-opinion: 100 % of the "sound" and "problem" questions are "problem"/
		);
	});

	it('judges no type with fewer than five questions', () => {
		expect(judged('good').ok).toBe(true);
	});
});

describe('the article checker', () => {
	const broken = (name: string) =>
		problemsOf('good', { articleDir: join(fixtures, 'broken-articles', name) });

	it('refuses a part that does not start a line of the page', () => {
		const p = problemMatching(
			broken('part-not-found'),
			/no line after the previous part starts with "Council Voted"/
		);
		expect([p.file, p.line]).toEqual(['broken-articles/part-not-found/town.yaml', 11]);
	});

	it('refuses an id that does not match the file name', () => {
		problemMatching(broken('id-mismatch'), /id "village" must match the file name — use "town"/);
	});

	it('refuses metadata without its page text', () => {
		problemMatching(broken('missing-text'), /town.txt is missing/);
	});

	it('insists on "not stated" or a real value for metadata', () => {
		const problems = broken('bad-date');
		problemMatching(
			problems,
			/"published": write the date the page shows as YYYY-MM-DD, or "not stated"/
		);
		problemMatching(problems, /"author": write "not stated" exactly, in lower case/);
	});
});

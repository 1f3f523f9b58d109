import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../../..');
const tsx = join(root, 'node_modules/.bin/tsx');
const run = (script: string, ...args: string[]) =>
	spawnSync(tsx, [join(root, 'scripts', script), ...args], { cwd: root, encoding: 'utf8' });

// Each test starts a process that loads TypeScript and the whole bank: seconds on a busy machine.
describe('npm run questions:check', { timeout: 60_000 }, () => {
	it('passes on the project bank', () => {
		const out = run('questions-check.ts');
		expect(out.stderr).toBe('');
		expect(out.stdout).toMatch(/The question bank is valid: \d+ questions on 3 articles/);
		expect(out.stdout).toContain('No-reading solver');
		expect(out.stdout).toMatch(/\| true-false +\| \d+ +\| 50 % +\| /);
		expect(out.stdout).toMatch(/True keys: \d+ of \d+ true-false questions/);
		expect(out.status).toBe(0);
	});

	it('fails on a broken bank, naming file, line and column of each problem', () => {
		const out = run('questions-check.ts', 'src/lib/server/bank/fixtures/broken/bad-enum');
		expect(out.status).toBe(1);
		expect(out.stderr).toContain(
			'src/lib/server/bank/fixtures/broken/bad-enum/questions.yaml:4:12: "skill": "spelling" is not allowed'
		);
		expect(out.stderr).toContain(
			'questions.yaml:6:17: "difficulty": difficulty is 1 (easy), 2 or 3 (hard)'
		);
	});
});

describe('npm run --silent questions:export', { timeout: 60_000 }, () => {
	it('prints one JSON document in the documented shape and nothing else', () => {
		const out = run('questions-export.ts');
		expect(out.status).toBe(0);
		const doc = JSON.parse(out.stdout) as {
			articles: Record<string, unknown>[];
			questions: Record<string, unknown>[];
		};
		expect(Object.keys(doc)).toEqual(['articles', 'questions']);
		expect(Object.keys(doc.articles[0])).toEqual([
			'id',
			'headline',
			'outlet',
			'author',
			'published',
			'kind'
		]);
		expect(doc.articles.find((a) => a.id === 'unsigned-analysis')).toMatchObject({
			outlet: 'not stated',
			author: 'not stated'
		});
		for (const q of doc.questions) {
			expect(Object.keys(q)).toEqual([
				'id',
				'articles',
				'skill',
				'type',
				'difficulty',
				'prompt',
				'options',
				'correct',
				'explanation',
				'evidence'
			]);
			expect((q.correct as string[]).length).toBeGreaterThan(0);
		}
		const pairs = doc.questions.filter(
			(q) => q.type === 'who-said-it' || q.type === 'fact-or-opinion'
		);
		expect(pairs.length).toBeGreaterThan(0);
		for (const q of pairs) for (const c of q.correct as string[]) expect(c).toMatch(/ → /);
	});
});

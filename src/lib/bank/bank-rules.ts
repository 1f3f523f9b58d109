import type { Article } from './articles.ts';
import type { BankProblem } from './problems.ts';
import type { LocatedQuestion } from './question-rules.ts';
import { QUESTION_TYPES, SKILLS } from './schema.ts';
import { normalizeText } from './text.ts';

export interface Coverage {
	questions: number;
	perArticle: number;
	comparing: number;
	perSkill: number;
	perType: number;
	/** Largest allowed gap between "sound" and "problem" questions, as a share of both. */
	stanceGap: number;
}

export const BANK_COVERAGE: Coverage = {
	questions: 75,
	perArticle: 18,
	comparing: 12,
	perSkill: 6,
	perType: 5,
	stanceGap: 0.2
};

/** Rules across questions: each id and prompt once. */
export function checkUnique(questions: readonly LocatedQuestion[]): BankProblem[] {
	const problems: BankProblem[] = [];
	const ids = new Map<string, LocatedQuestion>();
	const prompts = new Map<string, LocatedQuestion>();
	for (const lq of questions) {
		const { question: q, source, path } = lq;
		const firstId = ids.get(q.id);
		if (firstId) {
			const w = firstId.source.where([...firstId.path, 'id']);
			problems.push(
				source.problem(
					[...path, 'id'],
					`id "${q.id}" is already used at ${firstId.source.file}:${w.line} — ids must be unique; rename this one`
				)
			);
		} else ids.set(q.id, lq);
		const key = normalizeText(q.prompt).toLowerCase();
		const firstPrompt = prompts.get(key);
		if (firstPrompt) {
			const w = firstPrompt.source.where([...firstPrompt.path, 'prompt']);
			problems.push(
				source.problem(
					[...path, 'prompt'],
					`the same prompt is already asked by "${firstPrompt.question.id}" at ${firstPrompt.source.file}:${w.line} — reword one of them or remove the duplicate`
				)
			);
		} else prompts.set(key, lq);
	}
	return problems;
}

/** The bank-wide minimums; reported against the questions folder, since no one file is at fault. */
export function checkCoverage(
	questions: readonly LocatedQuestion[],
	articles: ReadonlyMap<string, Article>,
	folder: string,
	min: Coverage
): BankProblem[] {
	const problems: BankProblem[] = [];
	const report = (message: string) => problems.push({ file: folder, line: 1, column: 1, message });
	const qs = questions.map((lq) => lq.question);
	const lack = (have: number, need: number) =>
		`has ${have}, needs at least ${need} — add ${need - have} more`;

	if (qs.length < min.questions) report(`the bank ${lack(qs.length, min.questions)} questions`);
	for (const id of articles.keys()) {
		const n = qs.filter((q) => q.articles.includes(id)).length;
		if (n < min.perArticle) report(`article "${id}" ${lack(n, min.perArticle)} questions`);
	}
	const comparing = qs.filter((q) => q.articles.length >= 2).length;
	if (comparing < min.comparing)
		report(`the bank ${lack(comparing, min.comparing)} questions comparing two or more articles`);
	for (const skill of SKILLS) {
		const n = qs.filter((q) => q.skill === skill).length;
		if (n < min.perSkill) report(`skill "${skill}" ${lack(n, min.perSkill)} questions`);
	}
	for (const type of QUESTION_TYPES) {
		const n = qs.filter((q) => q.type === type).length;
		if (n < min.perType) report(`type "${type}" ${lack(n, min.perType)} questions`);
	}
	const sound = qs.filter((q) => q.stance === 'sound').length;
	const problem = qs.filter((q) => q.stance === 'problem').length;
	if (Math.abs(sound - problem) > Math.max(2, min.stanceGap * (sound + problem))) {
		const fewer = sound < problem ? 'sound' : 'problem';
		report(
			`stance is out of balance: ${sound} "sound" and ${problem} "problem" questions — write more "${fewer}" ones so students learn to trust good reporting as well as doubt bad`
		);
	}
	return problems;
}

import type { Article } from './articles.ts';
import type { BankProblem } from './problems.ts';
import type { LocatedQuestion } from './question-rules.ts';
import { QUESTION_TYPES, SKILLS } from './schema.ts';
import { formatSolverTable, longestIsRight, solveWithoutReading } from './solver.ts';
import { normalizeText } from './text.ts';

export interface Coverage {
	questions: number;
	perArticle: number;
	comparing: number;
	perSkill: number;
	perType: number;
	/** Largest allowed gap between "sound" and "problem" questions, as a share of both. */
	stanceGap: number;
	/** Limits that keep the bank from rewarding guessing over reading; see `checkGuessing`. */
	guessing: GuessLimits;
}

export interface GuessLimits {
	/** The rules below judge a type only when it has at least this many questions. */
	minItems: number;
	/** How far above chance any no-reading trick may score, as a share (0.1 = 10 points). */
	margin: number;
	/** Allowed share of true-false questions whose key is True. */
	trueShare: readonly [number, number];
	/** Allowed share of "problem" among the "sound" and "problem" questions of one type. */
	problemShare: readonly [number, number];
	/** Largest share of choice and evidence questions whose right option is the longest. */
	longestShare: number;
}

export const BANK_COVERAGE: Coverage = {
	questions: 75,
	perArticle: 18,
	comparing: 12,
	perSkill: 6,
	perType: 5,
	stanceGap: 0.2,
	guessing: {
		minItems: 5,
		margin: 0.1,
		trueShare: [0.4, 0.6],
		problemShare: [0.25, 0.75],
		longestShare: 0.35
	}
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

const percent = (share: number) => `${Math.round(share * 100)} %`;

/**
 * The bank must be won by reading: no trick of the no-reading solver may beat chance by more than
 * the margin, True and False keys stay balanced (overall and within "sound" and "problem"), so do
 * "sound" and "problem" keys within each type, and the right option is rarely the longest.
 */
export function checkGuessing(
	questions: readonly LocatedQuestion[],
	folder: string,
	limits: GuessLimits
): BankProblem[] {
	const problems: BankProblem[] = [];
	const report = (message: string) => problems.push({ file: folder, line: 1, column: 1, message });
	const qs = questions.map((lq) => lq.question);
	const ofType = (type: string) => qs.filter((q) => q.type === type);

	for (const r of solveWithoutReading(qs)) {
		if (r.items < limits.minItems) continue;
		const beaten = r.tricks.filter((t) => t.score > r.chance + limits.margin);
		if (beaten.length === 0) continue;
		const wins = beaten.map((t) => `"${t.name}" wins ${t.wins.join(', ')}`).join('; ');
		report(
			`${r.type}: answered without reading, ${beaten.map((t) => `"${t.name}" scores ${percent(t.score)}`).join(', ')} where chance is ${percent(r.chance)} (at most ${Math.round(limits.margin * 100)} points above) — rewrite questions so the right answer can only be found in the article. ${wins}\n${formatSolverTable([r])}`
		);
	}

	const trueFalse = qs.flatMap((q) => (q.type === 'true-false' ? [q] : []));
	const [low, high] = limits.trueShare;
	const judgeTrue = (group: typeof trueFalse, what: string, range: readonly [number, number]) => {
		if (group.length < limits.minItems) return;
		const share = group.filter((q) => q.answer).length / group.length;
		if (share < range[0] || share > range[1])
			report(
				`${what}: ${percent(share)} have the key True (allowed ${percent(range[0])}–${percent(range[1])}) — turn some ${share < range[0] ? 'False statements into True ones' : 'True statements into False ones'}`
			);
	};
	judgeTrue(trueFalse, 'true-false questions', [low, high]);
	for (const stance of ['sound', 'problem'] as const)
		judgeTrue(
			trueFalse.filter((q) => q.stance === stance),
			`"${stance}" true-false questions`,
			limits.problemShare
		);

	for (const type of QUESTION_TYPES) {
		const keyed = ofType(type).filter((q) => q.stance !== 'neutral');
		if (keyed.length < limits.minItems) continue;
		const share = keyed.filter((q) => q.stance === 'problem').length / keyed.length;
		const [min, max] = limits.problemShare;
		if (share < min || share > max)
			report(
				`${type}: ${percent(share)} of the "sound" and "problem" questions are "problem" (allowed ${percent(min)}–${percent(max)}) — a student should not learn that this kind of task always finds fault, or never does`
			);
	}

	for (const type of ['single-choice', 'find-the-evidence'] as const) {
		const items = ofType(type);
		if (items.length < limits.minItems) continue;
		const longest = longestIsRight(items);
		const share = longest.length / items.length;
		if (share > limits.longestShare)
			report(
				`${type}: the right option is the longest in ${longest.length} of ${items.length} questions (${percent(share)}; at most ${percent(limits.longestShare)}) — shorten the answer or lengthen a distractor in: ${longest.join(', ')}`
			);
	}
	return problems;
}

import type { Question } from './schema.ts';
import { normalizeText } from './text.ts';

/**
 * A solver that never opens an article: it answers each question from the question alone, with the
 * tricks test-wise students use. If a trick beats chance, the bank rewards guessing over reading.
 */

/** The question types a trick can answer from the question alone. */
export const SOLVED_TYPES = [
	'single-choice',
	'true-false',
	'find-the-evidence',
	'fact-or-opinion'
] as const;
export type SolvedType = (typeof SOLVED_TYPES)[number];
type SolvedQuestion = Extract<Question, { type: SolvedType }>;

/**
 * What a trick makes of one question: the chance it is right. A trick that cannot decide (a tie,
 * or nothing to go on) guesses among the options it leaves, as a student would.
 */
export type Trick<Q> = (q: Q) => number;

export interface TrickResult {
	name: string;
	/** Mean chance of a right answer over the questions of the type, 0–1. */
	score: number;
	/** Ids of the questions the trick answers right for sure. */
	wins: string[];
}

export interface TypeReport {
	type: SolvedType;
	items: number;
	/** What blind guessing earns, 0–1. */
	chance: number;
	tricks: TrickResult[];
	best: TrickResult;
}

const STOP_WORDS = new Set(
	`a an the and or but of to in on at by for with from as is are was were be been being it its this
	that these those he she they them his her their we our you your i me my not no do does did has have
	had which who whom what when where why how than then so if into about over also only one any each
	page article says say said does`
		.split(/\s+/)
		.filter((w) => w.length > 0)
);

const HEDGES =
	/\b(may|might|perhaps|possibly|probably|likely|unlikely|unclear|seems?|appears?|suggests?|some|often|usually|partly|not certain|for certain|no way to (?:know|tell)|cannot (?:tell|know|be sure))\b/i;
const ABSOLUTES =
	/\b(always|never|all|every|everyone|none|nothing|nobody|no one|only|completely|entirely|certainly|definitely|proves?|proved|must)\b/i;
const SCEPTICAL =
	/^(none|nothing|no one|nobody|neither|not stated|it does not|it doesn’t|it doesn't|there is no)\b|\b(not stated|no source|no evidence)\b/i;

/** Content words, lower-cased, with a plural or possessive "s" dropped. */
export function contentWords(text: string): Set<string> {
	return new Set(
		normalizeText(text)
			.toLowerCase()
			.split(/[^\p{L}\p{N}]+/u)
			.filter((w) => w.length > 1 && !STOP_WORDS.has(w))
			.map((w) => (w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w))
	);
}

function overlap(a: Set<string>, b: Set<string>): number {
	let shared = 0;
	for (const w of a) if (b.has(w)) shared++;
	return shared;
}

/** Chance of a right pick when choosing at random among `picked` (indices into the options). */
function pickAmong(options: readonly string[], answer: string, picked: readonly number[]): number {
	const pool = picked.length > 0 ? picked : options.map((_, i) => i);
	const right = normalizeText(answer);
	const hits = pool.filter((i) => normalizeText(options[i]) === right).length;
	return hits / pool.length;
}

/** Indices of the options with the highest score. */
function argmax(scores: readonly number[]): number[] {
	const top = Math.max(...scores);
	return scores.flatMap((s, i) => (s === top ? [i] : []));
}

/** Indices of the options that alone match a pattern; empty when none or several do. */
function onlyOne(options: readonly string[], pattern: RegExp): number[] {
	const matching = options.flatMap((o, i) => (pattern.test(o) ? [i] : []));
	return matching.length === 1 ? matching : [];
}

type ChoiceQuestion = { prompt: string; options: string[]; answer: string };

/** The tricks for questions with one right option among several. */
export const CHOICE_TRICKS: Record<string, Trick<ChoiceQuestion>> = {
	'longest option': (q) =>
		pickAmong(q.options, q.answer, argmax(q.options.map((o) => normalizeText(o).length))),
	// Shortening every answer to beat the longest-option trick only makes a new trick.
	'shortest option': (q) =>
		pickAmong(q.options, q.answer, argmax(q.options.map((o) => -normalizeText(o).length))),
	'echoes the prompt': (q) => {
		const prompt = contentWords(q.prompt);
		const scores = q.options.map((o) => overlap(contentWords(o), prompt));
		return pickAmong(q.options, q.answer, Math.max(...scores) > 0 ? argmax(scores) : []);
	},
	'odd one out': (q) => {
		const words = q.options.map(contentWords);
		const scores = words.map((w, i) => {
			let shared = 0;
			words.forEach((other, j) => {
				if (j !== i) shared += overlap(w, other) / Math.max(1, Math.min(w.size, other.size));
			});
			return -shared;
		});
		return pickAmong(q.options, q.answer, argmax(scores));
	},
	'only hedged option': (q) => pickAmong(q.options, q.answer, onlyOne(q.options, HEDGES)),
	'avoid absolute words': (q) =>
		pickAmong(
			q.options,
			q.answer,
			q.options.flatMap((o, i) => (ABSOLUTES.test(o) ? [] : [i]))
		),
	'sceptical option': (q) => pickAmong(q.options, q.answer, onlyOne(q.options, SCEPTICAL))
};

type StatementQuestion = { prompt: string; answer: boolean };

/** The tricks for statements to judge true or false. */
export const TRUE_FALSE_TRICKS: Record<string, Trick<StatementQuestion>> = {
	'always True': (q) => (q.answer ? 1 : 0),
	'always False': (q) => (q.answer ? 0 : 1),
	'hedged is True, absolute is False': (q) => {
		const hedged = HEDGES.test(q.prompt);
		const absolute = ABSOLUTES.test(q.prompt);
		if (hedged === absolute) return 0.5;
		return hedged === q.answer ? 1 : 0;
	}
};

type SortQuestion = { labels: string[]; statements: { text: string; label: string }[] };
const shareLabelled = (q: SortQuestion, label: string | undefined) =>
	q.statements.filter((s) => s.label === label).length / q.statements.length;

/** The tricks for sorting tasks, scored as the share of statements placed right. */
export const SORT_TRICKS: Record<string, Trick<SortQuestion>> = {
	'always the first label': (q) => shareLabelled(q, q.labels[0]),
	'always the last label': (q) => shareLabelled(q, q.labels.at(-1))
};

function tricksFor(type: SolvedType): string[] {
	if (type === 'true-false') return Object.keys(TRUE_FALSE_TRICKS);
	if (type === 'fact-or-opinion') return Object.keys(SORT_TRICKS);
	return Object.keys(CHOICE_TRICKS);
}

function isSolved(q: Question): q is SolvedQuestion {
	return (SOLVED_TYPES as readonly string[]).includes(q.type);
}

function chanceOf(q: SolvedQuestion): number {
	if (q.type === 'true-false') return 0.5;
	if (q.type === 'fact-or-opinion') return 1 / q.labels.length;
	return 1 / q.options.length;
}

function scoreOf(q: SolvedQuestion, name: string): number {
	if (q.type === 'true-false') return TRUE_FALSE_TRICKS[name](q);
	if (q.type === 'fact-or-opinion') return SORT_TRICKS[name](q);
	return CHOICE_TRICKS[name](q);
}

const mean = (values: readonly number[]) =>
	values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;

/** Runs every trick over every question type it applies to. */
export function solveWithoutReading(questions: readonly Question[]): TypeReport[] {
	return SOLVED_TYPES.flatMap((type) => {
		const items = questions.filter(isSolved).filter((q) => q.type === type);
		if (items.length === 0) return [];
		const tricks = tricksFor(type).map((name) => {
			const scores = items.map((q) => scoreOf(q, name));
			const wins = items.flatMap((q, i) => (scores[i] === 1 ? [q.id] : []));
			return { name, score: mean(scores), wins };
		});
		const best = tricks.reduce((a, b) => (b.score > a.score ? b : a));
		return [{ type, items: items.length, chance: mean(items.map(chanceOf)), tricks, best }];
	});
}

/** Ids of the choice questions whose right option is the longest (or tied for it). */
export function longestIsRight(questions: readonly Question[]): string[] {
	return questions.flatMap((q) => {
		if (q.type !== 'single-choice' && q.type !== 'find-the-evidence') return [];
		const lengths = q.options.map((o) => normalizeText(o).length);
		const right = normalizeText(q.answer).length;
		return right === Math.max(...lengths) ? [q.id] : [];
	});
}

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** The solver's findings as a plain-text table, one row per type, every trick listed. */
export function formatSolverTable(reports: readonly TypeReport[]): string {
	const rows = reports.map((r) => [
		r.type,
		String(r.items),
		percent(r.chance),
		`${r.best.name}: ${percent(r.best.score)}`,
		r.tricks.map((t) => `${t.name} ${percent(t.score)}`).join(', ')
	]);
	const head = ['type', 'items', 'chance', 'best trick without reading', 'every trick'];
	const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
	const line = (cells: readonly string[]) =>
		'| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
	return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The figures an author should see on every check: the solver table and the balance of keys. */
export function formatGuessingFigures(questions: readonly Question[]): string {
	const trueFalse = questions.flatMap((q) => (q.type === 'true-false' ? [q] : []));
	const trueKeys = trueFalse.filter((q) => q.answer).length;
	const choice = questions.filter(
		(q) => q.type === 'single-choice' || q.type === 'find-the-evidence'
	);
	const longest = longestIsRight(choice).length;
	const share = (n: number, of: number) => (of === 0 ? '–' : percent(n / of));
	const stances = [...new Set(questions.map((q) => q.type))].map((type) => {
		const of = questions.filter((q) => q.type === type);
		const count = (stance: string) => of.filter((q) => q.stance === stance).length;
		return `${type} ${count('sound')}/${count('problem')}/${count('neutral')}`;
	});
	return [
		'No-reading solver (answers from the question alone):',
		formatSolverTable(solveWithoutReading(questions)),
		`True keys: ${trueKeys} of ${trueFalse.length} true-false questions (${share(trueKeys, trueFalse.length)}).`,
		`Right option is the longest: ${longest} of ${choice.length} choice and evidence questions (${share(longest, choice.length)}).`,
		`Sound/problem/neutral by type: ${stances.join('; ')}.`
	].join('\n');
}

import { stringify } from 'yaml';
import type { Article } from '$lib/bank/articles';
import { checkQuestion } from '$lib/bank/question-rules';
import { questionSchema, type Question } from '$lib/bank/schema';
import { longestIsRight, solveWithoutReading } from '$lib/bank/solver';
import { QUESTION_TYPES, SKILLS, type QuestionType } from '$lib/bank/vocabulary';
import type { BankProblem } from '$lib/bank/problems';
import { YamlSource, type Path } from '$lib/bank/yaml-source';
import { visibleLines, visibleText } from '$lib/plain-text';

/**
 * The form editor's rules: posted fields become a question in the bank's own shape, checked with
 * the same code as `questions:check` (schema, verbatim quotes, answers among options) and the
 * no-reading solver's warnings. Rows are fixed in number so the form works without JavaScript.
 */

export const ROWS = {
	options: 7,
	pairs: 5,
	statements: 6
} as const;

/** A field limit well above any real question, so a pasted page cannot become a prompt. */
export const FIELD_LIMIT = 1000;

/** The posted form as text fields, every value of repeated fields kept. */
export interface PostedFields {
	get(name: string): string;
	getAll(name: string): string[];
}

/** The part of the editor a message is shown beside. */
export type EditorPlace =
	'prompt' | 'choices' | 'explanation' | 'settings' | 'evidence' | 'question';

/** One message of the check, with the part of the form it concerns. */
export interface EditorNote {
	place: EditorPlace;
	message: string;
}

export interface EditorResult {
	/** The question as posted, in the bank's shape (present even with problems, to show them). */
	question: Question | null;
	/** What must be fixed before it can be saved. */
	problems: EditorNote[];
	/** What the no-reading solver found: it may be saved, but students could guess it. */
	warnings: EditorNote[];
}

const PLACES: Record<string, EditorPlace> = {
	prompt: 'prompt',
	options: 'choices',
	answer: 'choices',
	answers: 'choices',
	pairs: 'choices',
	distractors: 'choices',
	statements: 'choices',
	labels: 'choices',
	explanation: 'explanation',
	skill: 'settings',
	difficulty: 'settings',
	stance: 'settings',
	evidence: 'evidence'
};

/** Where on the form a problem with the bank field at `path` is shown. */
export function placeOf(path: Path): EditorPlace {
	const field = path[0];
	return (typeof field === 'string' && PLACES[field]) || 'question';
}

export function isQuestionType(value: string): value is QuestionType {
	return (QUESTION_TYPES as readonly string[]).includes(value);
}

const clean = (value: string) => visibleText(value).slice(0, FIELD_LIMIT);
const rows = (n: number) => Array.from({ length: n }, (_, i) => i);

/** The posted fields as a plain object in the bank's YAML shape; empty rows left out. */
export function questionFromForm(
	form: PostedFields,
	type: QuestionType,
	ids: { id: string; article: string }
): Record<string, unknown> {
	const difficulty = Number(form.get('difficulty'));
	const evidence = [...new Set(form.getAll('evidence').map(clean).filter(Boolean))].map(
		(quote) => ({ article: ids.article, quote })
	);
	const base = {
		id: ids.id,
		type,
		articles: [ids.article],
		skill: form.get('skill'),
		difficulty,
		stance: form.get('stance'),
		prompt: clean(form.get('prompt')),
		explanation: visibleLines(form.get('explanation')).replace(/\s+/g, ' ').slice(0, FIELD_LIMIT),
		evidence
	};
	switch (type) {
		case 'single-choice':
		case 'find-the-evidence':
		case 'select-all': {
			const filled = rows(ROWS.options)
				.map((i) => ({ i, text: clean(form.get(`option-${i}`)) }))
				.filter((o) => o.text);
			const right = new Set(form.getAll('right'));
			const rightTexts = filled.filter((o) => right.has(String(o.i))).map((o) => o.text);
			const options = filled.map((o) => o.text);
			return type === 'select-all'
				? { ...base, options, answers: rightTexts }
				: { ...base, options, answer: rightTexts[0] ?? '' };
		}
		case 'true-false':
			return {
				...base,
				answer: form.get('answer') === 'true' ? true : form.get('answer') === 'false' ? false : ''
			};
		case 'who-said-it':
			return {
				...base,
				pairs: rows(ROWS.pairs)
					.map((i) => ({
						quote: clean(form.get(`quote-${i}`)),
						speaker: clean(form.get(`speaker-${i}`))
					}))
					.filter((p) => p.quote || p.speaker),
				distractors: visibleLines(form.get('distractors')).split('\n').map(clean).filter(Boolean)
			};
		case 'fact-or-opinion':
			return {
				...base,
				labels: ['Fact', 'Opinion'],
				statements: rows(ROWS.statements)
					.map((i) => ({ text: clean(form.get(`statement-${i}`)), label: form.get(`label-${i}`) }))
					.filter((s) => s.text)
			};
	}
}

/** The form's fields for a stored question, so the editor opens filled in. */
export function formFromQuestion(q: Question): Record<string, string | string[]> {
	const values: Record<string, string | string[]> = {
		skill: q.skill,
		difficulty: String(q.difficulty),
		stance: q.stance,
		prompt: q.prompt,
		explanation: q.explanation,
		evidence: q.evidence.map((e) => e.quote)
	};
	switch (q.type) {
		case 'single-choice':
		case 'find-the-evidence':
		case 'select-all': {
			const right = q.type === 'select-all' ? q.answers : [q.answer];
			q.options.forEach((o, i) => (values[`option-${i}`] = o));
			values.right = q.options.flatMap((o, i) => (right.includes(o) ? [String(i)] : []));
			break;
		}
		case 'true-false':
			values.answer = String(q.answer);
			break;
		case 'who-said-it':
			q.pairs.forEach((p, i) => {
				values[`quote-${i}`] = p.quote;
				values[`speaker-${i}`] = p.speaker;
			});
			values.distractors = q.distractors.join('\n');
			break;
		case 'fact-or-opinion':
			q.statements.forEach((s, i) => {
				values[`statement-${i}`] = s.text;
				values[`label-${i}`] = s.label;
			});
			break;
	}
	return values;
}

/** Field paths as a teacher reads them on the form ("options.2" is the third option). */
function readablePaths(message: string): string {
	return message
		.replace(/^"answer": must not be empty$/, 'Tick the option that is right.')
		.replace(/^"answer" is missing.*$/, 'Say whether the statement is true or false.')
		.replace(/^"answers": list at least one right option$/, 'Tick at least one right option.')
		.replace(/"options\.(\d+)"/g, (_, n) => `option ${Number(n) + 1}`)
		.replace(/"answers\.(\d+)"/g, (_, n) => `right option ${Number(n) + 1}`)
		.replace(/"pairs\.(\d+)\.(quote|speaker)"/g, (_, n, f) => `${f} ${Number(n) + 1}`)
		.replace(/"statements\.(\d+)\.(text|label)"/g, (_, n) => `statement ${Number(n) + 1}`)
		.replace(/"evidence"/g, 'evidence')
		.replace(/ \(see docs\/QUESTIONS\.md\)| against docs\/QUESTIONS\.md/g, '');
}

/** The editor's name for a field of the bank's shape, to start a problem with. */
function fieldLabel(path: Path): string {
	const [field, n, sub] = path;
	const nth = typeof n === 'number' ? ` ${n + 1}` : '';
	switch (field) {
		case 'evidence':
			return `Evidence${nth}`;
		case 'options':
			return `Option${nth}`;
		case 'answer':
		case 'answers':
			return 'Right answer';
		case 'pairs':
			return `${sub === 'speaker' ? 'Speaker' : 'Quote'}${nth}`;
		case 'distractors':
			return 'Other speakers';
		case 'statements':
			return `Statement${nth}`;
		case 'explanation':
			return 'Explanation';
		default:
			return 'The question';
	}
}

/** A YAML source whose problems name the editor's field instead of a line of a file. */
class EditorSource extends YamlSource {
	/** The path of each problem made, in order, so each can be shown beside its field. */
	readonly paths: Path[] = [];

	problem(path: Path, message: string): BankProblem {
		this.paths.push(path);
		return { ...super.problem(path, message), message: `${fieldLabel(path)}: ${message}` };
	}
}

/** Checks a posted question with the bank's own rules against the teacher's article. */
export function checkAuthoredQuestion(
	candidate: Record<string, unknown>,
	article: Article
): EditorResult {
	const source = new YamlSource('question', stringify(candidate));
	const parsed = questionSchema.safeParse(source.value(), { reportInput: true });
	if (!parsed.success) {
		return {
			question: null,
			problems: source.schemaProblems(parsed.error).map((p, i) => ({
				place: placeOf((parsed.error.issues[i]?.path ?? []) as Path),
				message: readablePaths(p.message)
			})),
			warnings: []
		};
	}
	const question = parsed.data;
	const articles = new Map([[article.id, article]]);
	const located = new EditorSource('question', stringify(candidate));
	const problems = checkQuestion({ question, source: located, path: [] }, articles).map((p, i) => ({
		place: placeOf(located.paths[i] ?? []),
		message: readablePaths(p.message.replace(`"${article.id}"`, 'the article'))
	}));
	return {
		question,
		problems,
		warnings: guessingWarnings(question).map((message) => ({ place: 'choices', message }))
	};
}

/** What a student who never read the article could win on this question alone. */
export function guessingWarnings(q: Question): string[] {
	const warnings: string[] = [];
	if (longestIsRight([q]).length > 0)
		warnings.push(
			'The right option is the longest one: students who guess “the longest” win. Shorten it or lengthen another option.'
		);
	for (const report of solveWithoutReading([q]))
		for (const trick of report.tricks)
			if (trick.wins.includes(q.id) && trick.name !== 'longest option')
				warnings.push(
					`Answerable without reading, by the trick “${trick.name}”. Reword so only the article tells.`
				);
	return warnings;
}

export const SKILL_LIST = SKILLS;

/** The check's outcome in one sentence; it changes only when a count does, so it is announced sparingly. */
export function checkSummary(problems: number, warnings: number): string {
	const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
	if (problems === 0 && warnings === 0) return 'Nothing to fix: it can be saved.';
	const fix = problems > 0 ? `${plural(problems, 'problem')} to fix before saving` : '';
	const guess = warnings > 0 ? `${plural(warnings, 'warning')}: students could guess it` : '';
	return `${[fix, guess].filter(Boolean).join('; ')}.`.replace(/^./, (c) => c.toUpperCase());
}

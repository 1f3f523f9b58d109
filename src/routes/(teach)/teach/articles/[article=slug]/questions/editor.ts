import { error, fail } from '@sveltejs/kit';
import type { Article } from '$lib/bank/articles';
import type { Question } from '$lib/bank/schema';
import { pageSentences } from '$lib/bank/text';
import { QUESTION_TYPE_NAMES, SKILLS, type QuestionType } from '$lib/bank/vocabulary';
import { SKILL_NAMES } from '$lib/quiz/catalogue';
import { toPublicQuestion } from '$lib/quiz/public-question';
import {
	checkAuthoredQuestion,
	isQuestionType,
	questionFromForm,
	ROWS
} from '$lib/teach/question-editor';
import { textField, textFields } from '$lib/server/forms';

/** What the editor page needs besides the values: the type, the article's sentences, the vocabulary. */
export function editorData(article: Article, type: QuestionType) {
	return {
		type,
		typeName: QUESTION_TYPE_NAMES[type],
		rows: ROWS,
		skills: SKILLS.map((s) => ({ value: s, name: SKILL_NAMES[s] })),
		// Without JavaScript, evidence is chosen from the page's sentences, so it is verbatim.
		sentences: [...new Set(pageSentences(article.lines.map((l) => l.text)))],
		articleLines: article.lines.map((l) => ({
			index: l.index,
			text: l.text,
			furniture: l.furniture
		}))
	};
}

export function typeOrNotFound(value: string | null): QuestionType {
	if (!value || !isQuestionType(value)) error(404, 'There is no such kind of question.');
	return value;
}

/** The posted values, as the form shows them again when something must be fixed. */
export function postedValues(form: FormData): Record<string, string | string[]> {
	const values: Record<string, string | string[]> = {};
	for (const key of new Set(form.keys())) {
		values[key] =
			key === 'evidence' || key === 'right' ? textFields(form, key) : textField(form, key);
	}
	return values;
}

function checkForm(form: FormData, type: QuestionType, article: Article) {
	const candidate = questionFromForm(
		{ get: (n) => textField(form, n), getAll: (n) => textFields(form, n) },
		type,
		{ id: 'draft', article: article.id }
	);
	return checkAuthoredQuestion(candidate, article);
}

/**
 * The editor's "Check without saving": the same rules as saving, nothing stored. The page calls
 * it as the teacher types, and it is the button's action when the page runs without JavaScript.
 */
export function checkOnly(form: FormData, type: QuestionType, article: Article) {
	const checked = checkForm(form, type, article);
	return {
		checkedOnly: true as const,
		problems: checked.problems,
		warnings: checked.warnings,
		values: postedValues(form)
	};
}

/** The posted question checked with the bank's rules; a 400 with every message when it fails. */
export function checkPosted(form: FormData, type: QuestionType, article: Article) {
	const checked = checkForm(form, type, article);
	const values = postedValues(form);
	if (!checked.question || checked.problems.length > 0)
		return {
			ok: false as const,
			failure: fail(400, {
				message: 'The question is not saved yet: fix what is listed below.',
				problems: checked.problems,
				warnings: checked.warnings,
				values
			})
		};
	return { ok: true as const, question: checked.question, warnings: checked.warnings, values };
}

/** The question as a student sees it: the public shape only, in a fixed order for the preview. */
export function previewOf(q: Question) {
	return toPublicQuestion(q, 'preview');
}

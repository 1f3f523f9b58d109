import { error, fail } from '@sveltejs/kit';
import { gradeAnswer } from '$lib/quiz/grading';
import { parseResponse } from '$lib/quiz/response';
import { reviewAnswer } from '$lib/quiz/review';
import { formFromQuestion } from '$lib/teach/question-editor';
import { useApp } from '$lib/server/app';
import { findOwnQuestion, saveQuestion } from '$lib/server/authored';
import { serverNow } from '$lib/server/clock';
import { readForm } from '$lib/server/forms';
import { ownArticle } from '../../own-article';
import { checkOnly, checkPosted, editorData, previewOf } from '../editor';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

async function ownQuestion(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	const found = await ownArticle(event);
	const question = await findOwnQuestion(
		useApp(),
		found.teacher.id,
		found.authored.id,
		event.params.question
	);
	if (!question) error(404, 'There is no such question among yours.');
	return { ...found, own: question };
}

export const load: PageServerLoad = async (event) => {
	const { authored, article, own } = await ownQuestion(event);
	const app = useApp();
	return {
		article: { id: authored.id, headline: authored.headline },
		ownId: own.id,
		...editorData(article, own.question.type),
		values: formFromQuestion(own.question),
		preview: previewOf(own.question),
		articleNames: { [authored.id]: app.bank.articleName[authored.id] ?? authored.headline },
		saved: event.url.searchParams.get('saved') === '1'
	};
};

export const actions: Actions = {
	check: async (event) => {
		const { article, own } = await ownQuestion(event);
		const read = await readForm(event.request);
		if (!read.ok) return read.failure;
		return checkOnly(read.form, own.question.type, article);
	},

	save: async (event) => {
		const { article, own } = await ownQuestion(event);
		const read = await readForm(event.request);
		if (!read.ok) return read.failure;
		const checked = checkPosted(read.form, own.question.type, article);
		if (!checked.ok) return checked.failure;
		const saved = await saveQuestion(useApp(), article.id, own, checked.question, serverNow());
		return {
			savedMessage: saved.newVersion
				? 'Saved as a new version: students have answered the old one, and their plays keep it. New assignments ask this version.'
				: 'Saved.',
			warnings: checked.warnings,
			values: checked.values
		};
	},

	/** The preview's own answer form: graded on the server like a student's, nothing stored. */
	answer: async (event) => {
		const { own } = await ownQuestion(event);
		const read = await readForm(event.request);
		if (!read.ok) return read.failure;
		const shown = previewOf(own.question);
		const parsed = parseResponse(shown, read.form);
		if (!parsed.ok) return fail(400, { answerError: parsed.message });
		const grade = gradeAnswer(own.question, parsed.response);
		return { feedback: reviewAnswer(own.question, shown, parsed.response, grade) };
	}
};

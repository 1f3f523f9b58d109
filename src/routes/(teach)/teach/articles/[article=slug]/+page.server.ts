import { fail } from '@sveltejs/kit';
import {
	ARTICLE_PARTS,
	FURNITURE_PARTS,
	PART_NAMES,
	QUESTION_TYPE_NAMES
} from '$lib/bank/vocabulary';
import { readDetails, readParts } from '$lib/teach/authored-article';
import { useApp } from '$lib/server/app';
import { exportOwnSet, listArticleQuestions, reviseArticle } from '$lib/server/authored';
import { serverNow } from '$lib/server/clock';
import { shareOwnArticle } from '$lib/server/shared-sets';
import { ownArticle } from './own-article';
import { readForm, textField } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { authored, article, teacher, sharedAt } = await ownArticle(event);
	const questions = await listArticleQuestions(useApp(), authored.id);
	const files = (await exportOwnSet(useApp(), teacher.id, authored.id)) ?? [];
	return {
		article: authored,
		lines: article.lines.map((l) => ({ index: l.index, text: l.text, part: l.part })),
		parts: [...ARTICLE_PARTS, ...FURNITURE_PARTS].map((p) => ({
			value: p,
			name: PART_NAMES[p],
			furniture: (FURNITURE_PARTS as readonly string[]).includes(p)
		})),
		questions: questions.map((q) => ({
			id: q.id,
			prompt: q.question.prompt,
			type: QUESTION_TYPE_NAMES[q.question.type]
		})),
		exportFiles: files.map((f) => ({ name: f.name, folder: f.folder })),
		types: Object.entries(QUESTION_TYPE_NAMES).map(([value, name]) => ({ value, name })),
		shared: sharedAt !== null,
		copied: event.url.searchParams.get('copied') === '1',
		questionDeleted: event.url.searchParams.get('deleted') === 'question'
	};
};

export const actions: Actions = {
	/** Shares the set read-only with the server's other teachers, or stops sharing it. */
	share: async (event) => {
		const { authored, teacher } = await ownArticle(event);
		const read = await readForm(event.request);
		if (!read.ok) return read.failure;
		const share = textField(read.form, 'share') === 'yes';
		await shareOwnArticle(useApp(), teacher.id, authored.id, share, serverNow());
		return { sharing: share ? 'Shared with the other teachers.' : 'No longer shared.' };
	},

	revise: async (event) => {
		const { authored, article } = await ownArticle(event);
		const read = await readForm(event.request);
		if (!read.ok) return read.failure;
		const values = Object.fromEntries(
			[...new Set(read.form.keys())].map((k) => [k, textField(read.form, k)])
		);
		const details = readDetails(values);
		if (!details.ok) return fail(400, { message: details.message });
		await reviseArticle(useApp(), authored, details.value, readParts(values, article.lines.length));
		return { saved: true };
	}
};

import { error, fail, redirect } from '@sveltejs/kit';
import { NOT_STATED, QUESTION_TYPE_NAMES } from '$lib/bank/vocabulary';
import { readOnlyLines } from '$lib/teach/read-only-question';
import { useApp } from '$lib/server/app';
import { requireTeacher } from '$lib/server/auth/guard';
import { serverNow } from '$lib/server/clock';
import { copySharedSet, findSharedSet } from '$lib/server/shared-sets';
import type { Actions, PageServerLoad } from './$types';

const NOT_SHARED = 'There is no such shared article.';

export const load: PageServerLoad = async (event) => {
	requireTeacher(event);
	const shared = await findSharedSet(useApp(), event.params.article);
	if (!shared) error(404, NOT_SHARED);
	const a = shared.authored;
	return {
		article: {
			id: a.id,
			headline: a.headline,
			outlet: a.outlet === NOT_STATED ? '' : a.outlet,
			author: a.author === NOT_STATED ? '' : a.author
		},
		ownerName: shared.ownerName,
		lines: shared.article.lines.map((l) => ({
			index: l.index,
			text: l.text,
			furniture: l.furniture
		})),
		questions: shared.questions.map((q) => ({
			id: q.id,
			type: QUESTION_TYPE_NAMES[q.type],
			prompt: q.prompt,
			lines: readOnlyLines(q),
			explanation: q.explanation,
			evidence: q.evidence.map((e) => e.quote)
		}))
	};
};

export const actions: Actions = {
	/** The teacher's own copy, made through export and import so the bank's checker sees it. */
	copy: async (event) => {
		const teacher = requireTeacher(event);
		const copied = await copySharedSet(useApp(), teacher.id, event.params.article, serverNow());
		if (!copied) error(404, NOT_SHARED);
		if (!copied.ok) return fail(400, { problems: copied.problems });
		redirect(303, `/teach/articles/${copied.id}?copied=1`);
	}
};

import { randomBytes } from 'node:crypto';
import { error, fail, redirect } from '@sveltejs/kit';
import { choicesOf } from '$lib/bank/export';
import { QUESTION_TYPES, SKILLS } from '$lib/bank/vocabulary';
import { seededRandom, shuffled } from '$lib/quiz/random';
import { useApp } from '$lib/server/app';
import { readForm, textField, textFields } from '$lib/server/forms';
import { createAssignment } from '$lib/server/assignments';
import { requireTeacher } from '$lib/server/auth/guard';
import { findOwnClass } from '$lib/server/classes';
import { config } from '$lib/server/config';
import { assignmentSettingsSchema } from '$lib/teach/assignment-settings';
import { filterQuestions, readFilter } from '$lib/teach/question-filter';
import type { Actions, PageServerLoad } from './$types';
import { serverNow } from '$lib/server/clock';

const NOT_FOUND = 'There is no such class among yours.';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const app = useApp();
	const found = await findOwnClass(app, teacher.id, event.params.class);
	if (!found) error(404, NOT_FOUND);
	const filter = readFilter(event.url.searchParams);
	const questions = filterQuestions(app.bank.questions, filter).map((q) => ({
		id: q.id,
		prompt: q.prompt,
		type: q.type,
		skill: q.skill,
		difficulty: q.difficulty,
		articles: q.articles.map((id) => app.bank.articleName[id] ?? id),
		...choicesOf(q),
		explanation: q.explanation
	}));
	return {
		class: { id: found.id, name: found.name },
		filter,
		questions,
		articles: app.bank.articles.map((a) => ({ id: a.id, name: app.bank.articleName[a.id] })),
		skills: SKILLS,
		types: QUESTION_TYPES,
		timeZone: config.timeZone
	};
};

export const actions: Actions = {
	create: async (event) => {
		const teacher = requireTeacher(event);
		const app = useApp();
		const found = await findOwnClass(app, teacher.id, event.params.class);
		if (!found) error(404, NOT_FOUND);
		const read = await readForm(event.request);
		if (!read.ok) return read.failure;
		const form = read.form;
		const values = Object.fromEntries(
			[...form.keys()].filter((k) => k !== 'question').map((k) => [k, textField(form, k)])
		);
		const parsed = assignmentSettingsSchema(config.timeZone).safeParse(values);
		if (!parsed.success) {
			return fail(400, { message: parsed.error.issues.map((i) => i.message).join(' '), values });
		}
		let questionIds: string[];
		if (values.pick === 'random') {
			const count = Number(values.count);
			const pool = filterQuestions(app.bank.questions, readFilter(new URLSearchParams(values))).map(
				(q) => q.id
			);
			if (!Number.isInteger(count) || count < 1)
				return fail(400, { message: 'Say how many questions to draw (at least 1).', values });
			if (count > pool.length)
				return fail(400, {
					message: `The filter has only ${pool.length} questions; draw at most that many.`,
					values
				});
			questionIds = shuffled(pool, seededRandom(randomBytes(8).toString('hex'))).slice(0, count);
		} else {
			questionIds = [...new Set(textFields(form, 'question'))].filter((id) =>
				app.bank.question.has(id)
			);
			if (questionIds.length === 0)
				return fail(400, {
					message: 'Tick at least one question, or choose “Any N from this filter”.',
					values
				});
		}
		const id = await createAssignment(app, found.id, parsed.data, questionIds, serverNow());
		redirect(303, `/teach/assignments/${id}`);
	}
};

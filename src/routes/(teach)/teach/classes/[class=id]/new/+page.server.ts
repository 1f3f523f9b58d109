import { randomBytes } from 'node:crypto';
import { error, fail, redirect } from '@sveltejs/kit';
import { choicesOf } from '$lib/bank/export';
import { QUESTION_TYPES, SKILLS } from '$lib/bank/vocabulary';
import { seededRandom, shuffled } from '$lib/quiz/random';
import { useApp, type App } from '$lib/server/app';
import { readForm, textField, textFields } from '$lib/server/forms';
import { createAssignment } from '$lib/server/assignments';
import { listOwnArticles, listOwnQuestions } from '$lib/server/authored';
import { requireTeacher } from '$lib/server/auth/guard';
import { findOwnClass } from '$lib/server/classes';
import { config } from '$lib/server/config';
import { assignmentSettingsSchema } from '$lib/teach/assignment-settings';
import { filterQuestions, readFilter } from '$lib/teach/question-filter';
import { applyMove, pickedQuestions, readMove } from '$lib/teach/picked-questions';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { serverNow } from '$lib/server/clock';

const NOT_FOUND = 'There is no such class among yours.';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const app = useApp();
	const found = await findOwnClass(app, teacher.id, event.params.class);
	if (!found) error(404, NOT_FOUND);
	const filter = readFilter(event.url.searchParams);
	const { questions: pool } = await questionPool(app, teacher.id);
	// Every question goes to the page, which filters them itself: ticks survive a change of filter.
	const questions = pool.map((q) => ({
		id: q.id,
		prompt: q.prompt,
		type: q.type,
		skill: q.skill,
		difficulty: q.difficulty,
		articles: q.articles,
		own: q.own,
		articleNames: q.articles.map((id) => app.bank.articleName[id] ?? id),
		...choicesOf(q),
		explanation: q.explanation
	}));
	const ownArticles = await listOwnArticles(app, teacher.id);
	return {
		class: { id: found.id, name: found.name },
		filter,
		questions,
		articles: [
			...ownArticles.map((a) => ({ id: a.id, name: `${a.headline} (yours)` })),
			...app.bank.articles.map((a) => ({ id: a.id, name: app.bank.articleName[a.id] }))
		],
		skills: SKILLS,
		types: QUESTION_TYPES,
		timeZone: config.timeZone
	};
};

/** The questions this teacher may assign: their own (current versions) and the bank's. */
async function questionPool(app: App, teacherId: string) {
	const own = (await listOwnQuestions(app, teacherId)).map((q) => ({ ...q.question, own: true }));
	const questions = [...own, ...app.bank.questions.map((q) => ({ ...q, own: false }))];
	return { questions, known: new Set(questions.map((q) => q.id)) };
}

/** The builder's whole state as posted: settings, ticked questions in order, and the filter. */
function readBuilder(form: FormData, known: (id: string) => boolean) {
	const values = Object.fromEntries(
		[...new Set(form.keys())]
			.filter((k) => k !== 'question' && k !== 'move')
			.map((k) => [k, textField(form, k)])
	);
	const picked = pickedQuestions(textFields(form, 'question'), known);
	const move = readMove(textField(form, 'move') || null);
	return {
		values,
		picked: move ? applyMove(picked, move) : picked,
		filter: readFilter(new URLSearchParams(values))
	};
}

/** The teacher's own class (else a 404) and the builder's posted state (else a 4xx). */
async function ownClassAndBuilder(event: RequestEvent) {
	const teacher = requireTeacher(event);
	const app = useApp();
	const found = await findOwnClass(app, teacher.id, event.params.class ?? '');
	if (!found) error(404, NOT_FOUND);
	const read = await readForm(event.request);
	if (!read.ok) return { ok: false as const, failure: read.failure };
	const pool = await questionPool(app, teacher.id);
	const state = readBuilder(read.form, (id) => pool.known.has(id));
	return { ok: true as const, app, found, pool: pool.questions, ...state };
}

export const actions: Actions = {
	/** Without JavaScript: a new filter, a reordered list or a removal, keeping everything typed. */
	refine: async (event) => {
		const got = await ownClassAndBuilder(event);
		if (!got.ok) return got.failure;
		return { values: got.values, picked: got.picked, filter: got.filter };
	},

	create: async (event) => {
		const got = await ownClassAndBuilder(event);
		if (!got.ok) return got.failure;
		const { app, found, values, picked, filter, pool: questions } = got;
		const kept = { values, picked, filter };
		const parsed = assignmentSettingsSchema(config.timeZone).safeParse(values);
		if (!parsed.success) {
			return fail(400, { message: parsed.error.issues.map((i) => i.message).join(' '), ...kept });
		}
		let questionIds: string[];
		if (values.pick === 'random') {
			const count = Number(values.count);
			const pool = filterQuestions(questions, filter).map((q) => q.id);
			if (!Number.isInteger(count) || count < 1)
				return fail(400, { message: 'Say how many questions to draw (at least 1).', ...kept });
			if (count > pool.length)
				return fail(400, {
					message: `The filter has only ${pool.length} questions; draw at most that many.`,
					...kept
				});
			questionIds = shuffled(pool, seededRandom(randomBytes(8).toString('hex'))).slice(0, count);
		} else {
			questionIds = picked;
			if (questionIds.length === 0)
				return fail(400, {
					message: 'Tick at least one question, or choose “Any N from this filter”.',
					...kept
				});
		}
		const id = await createAssignment(app, found.id, parsed.data, questionIds, serverNow());
		redirect(303, `/teach/assignments/${id}`);
	}
};

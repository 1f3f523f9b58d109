import { fail, redirect } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import {
	builderChoices,
	chosenQuestions,
	questionPool,
	readBuilder
} from '$lib/server/assignment-builder';
import { requireTeacher } from '$lib/server/auth/guard';
import {
	QUESTIONS_LOCKED,
	questionIdsOf,
	questionsLocked,
	settingsOf,
	updateAssignment
} from '$lib/server/assignments';
import { config } from '$lib/server/config';
import { readForm } from '$lib/server/forms';
import { requireOwnAssignment } from '$lib/server/teacher-assignment';
import { assignmentSettingsSchema, settingsFormValues } from '$lib/teach/assignment-settings';
import { readFilter } from '$lib/teach/question-filter';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const a = await requireOwnAssignment(event);
	const teacher = requireTeacher(event);
	const app = useApp();
	const locked = await questionsLocked(app, a.id);
	const questions = questionIdsOf(a).filter((id) => app.bank.question.has(id));
	return {
		assignment: { id: a.id, title: a.title, classId: a.class_id, className: a.class_name },
		values: settingsFormValues(settingsOf(a), config.timeZone),
		picked: questions,
		prompts: questions.map((id) => ({ id, prompt: app.bank.question.get(id)?.prompt ?? id })),
		locked,
		lockedMessage: QUESTIONS_LOCKED,
		filter: readFilter(event.url.searchParams),
		...(await builderChoices(app, teacher.id, await questionPool(app, teacher.id))),
		timeZone: config.timeZone
	};
};

async function ownAssignmentAndBuilder(event: RequestEvent) {
	const a = await requireOwnAssignment(event);
	const read = await readForm(event.request);
	if (!read.ok) return { ok: false as const, failure: read.failure };
	const app = useApp();
	const pool = await questionPool(app, requireTeacher(event).id);
	return { ok: true as const, app, a, pool, state: readBuilder(pool, read.form) };
}

export const actions: Actions = {
	/** Without JavaScript: a new filter, a reordered list or a removal, keeping everything typed. */
	refine: async (event) => {
		const got = await ownAssignmentAndBuilder(event);
		if (!got.ok) return got.failure;
		return got.state;
	},

	save: async (event) => {
		const got = await ownAssignmentAndBuilder(event);
		if (!got.ok) return got.failure;
		const { app, a, pool, state } = got;
		const parsed = assignmentSettingsSchema(config.timeZone).safeParse(state.values);
		if (!parsed.success)
			return fail(400, { message: parsed.error.issues.map((i) => i.message).join(' '), ...state });
		// The store decides whether the questions may change (no answer stored yet), in the same
		// step as changing them; a form from before the first answer then saves only the settings.
		let questionIds: string[] | null = null;
		if (state.values.pick !== undefined) {
			const chosen = chosenQuestions(pool, state);
			if (!chosen.ok) return fail(400, { message: chosen.message, ...state });
			questionIds = chosen.ids;
		}
		const changed = await updateAssignment(app, a, parsed.data, questionIds);
		if (!changed.ok)
			return fail(409, {
				message: `The settings are saved, but not the questions. ${changed.message}`,
				...state
			});
		redirect(303, `/teach/assignments/${a.id}`);
	}
};

import { error, fail, redirect } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { readForm } from '$lib/server/forms';
import {
	builderChoices,
	chosenQuestions,
	questionPool,
	readBuilder
} from '$lib/server/assignment-builder';
import { createAssignment } from '$lib/server/assignments';
import { requireTeacher } from '$lib/server/auth/guard';
import { findOwnClass } from '$lib/server/classes';
import { config } from '$lib/server/config';
import { assignmentSettingsSchema } from '$lib/teach/assignment-settings';
import { readFilter } from '$lib/teach/question-filter';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { serverNow } from '$lib/server/clock';

const NOT_FOUND = 'There is no such class among yours.';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const app = useApp();
	const found = await findOwnClass(app, teacher.id, event.params.class);
	if (!found) error(404, NOT_FOUND);
	return {
		class: { id: found.id, name: found.name },
		filter: readFilter(event.url.searchParams),
		...(await builderChoices(app, teacher.id, await questionPool(app, teacher.id))),
		timeZone: config.timeZone
	};
};

/** The teacher's own class (else a 404) and the builder's posted state (else a 4xx). */
async function ownClassAndBuilder(event: RequestEvent) {
	const teacher = requireTeacher(event);
	const app = useApp();
	const found = await findOwnClass(app, teacher.id, event.params.class ?? '');
	if (!found) error(404, NOT_FOUND);
	const read = await readForm(event.request);
	if (!read.ok) return { ok: false as const, failure: read.failure };
	const pool = await questionPool(app, teacher.id);
	return { ok: true as const, app, found, pool, state: readBuilder(pool, read.form) };
}

export const actions: Actions = {
	/** Without JavaScript: a new filter, a reordered list or a removal, keeping everything typed. */
	refine: async (event) => {
		const got = await ownClassAndBuilder(event);
		if (!got.ok) return got.failure;
		return got.state;
	},

	create: async (event) => {
		const got = await ownClassAndBuilder(event);
		if (!got.ok) return got.failure;
		const { app, found, pool, state } = got;
		const parsed = assignmentSettingsSchema(config.timeZone).safeParse(state.values);
		if (!parsed.success) {
			return fail(400, { message: parsed.error.issues.map((i) => i.message).join(' '), ...state });
		}
		const chosen = chosenQuestions(pool, state);
		if (!chosen.ok) return fail(400, { message: chosen.message, ...state });
		const id = await createAssignment(app, found.id, parsed.data, chosen.ids, serverNow());
		redirect(303, `/teach/assignments/${id}`);
	}
};

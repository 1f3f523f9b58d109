import { error, fail, redirect } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { closedReason, listAssignments, studentCounts } from '$lib/server/assignments';
import { requireTeacher } from '$lib/server/auth/guard';
import { archiveClass, deleteClass, findOwnClass, renameClass } from '$lib/server/classes';
import { readForm, textField } from '$lib/server/forms';
import { displayJoinCode } from '$lib/teach/join-code';
import type { Actions, PageServerLoad } from './$types';
import { serverNow } from '$lib/server/clock';

const NOT_FOUND = 'There is no such class among yours.';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const app = useApp();
	const found = await findOwnClass(app, teacher.id, event.params.class);
	if (!found) error(404, NOT_FOUND);
	const now = serverNow();
	const assignments = await listAssignments(app, found.id);
	const counts = await studentCounts(app, assignments);
	return {
		class: { id: found.id, name: found.name, archived: found.archived_at !== null },
		assignments: assignments.map((a) => ({
			id: a.id,
			title: a.title,
			joinCode: displayJoinCode(a.join_code),
			questions: (JSON.parse(a.question_ids) as string[]).length,
			students: counts.get(a.id) ?? 0,
			status: closedReason(a, now)
				? a.opens_at && new Date(a.opens_at) > now
					? 'Not open yet'
					: 'Closed'
				: 'Open'
		}))
	};
};

export const actions: Actions = {
	rename: async (event) => {
		const teacher = requireTeacher(event);
		const read = await readForm(event.request);
		if (!read.ok) return read.failure;
		const name = textField(read.form, 'name');
		const found = await findOwnClass(useApp(), teacher.id, event.params.class);
		if (!found) error(404, NOT_FOUND);
		const result = await renameClass(useApp(), teacher.id, found.id, name);
		if (!result.ok) return fail(400, { renameMessage: result.message, name });
		return { renamed: true };
	},
	archive: async (event) => {
		const teacher = requireTeacher(event);
		if (!(await archiveClass(useApp(), teacher.id, event.params.class, serverNow())))
			error(404, NOT_FOUND);
		redirect(303, '/teach');
	},
	restore: async (event) => {
		const teacher = requireTeacher(event);
		if (!(await archiveClass(useApp(), teacher.id, event.params.class, null)))
			error(404, NOT_FOUND);
		redirect(303, `/teach/classes/${event.params.class}`);
	},
	deleteClass: async (event) => {
		const teacher = requireTeacher(event);
		const deleted = await deleteClass(useApp(), teacher.id, event.params.class);
		if (!deleted) error(404, NOT_FOUND);
		redirect(303, '/teach');
	}
};

import { error, redirect } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { closedReason, listAssignments, studentCounts } from '$lib/server/assignments';
import { requireTeacher } from '$lib/server/auth/guard';
import { deleteClass, findOwnClass } from '$lib/server/classes';
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
		class: { id: found.id, name: found.name },
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
	deleteClass: async (event) => {
		const teacher = requireTeacher(event);
		const deleted = await deleteClass(useApp(), teacher.id, event.params.class);
		if (!deleted) error(404, NOT_FOUND);
		redirect(303, '/teach');
	}
};

import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { serverNow } from '$lib/server/clock';
import { reviewPlay } from '$lib/server/plays';
import { attemptsOf, deleteStudent, findStudent, resetStudent } from '$lib/server/students';
import { requireOwnAssignment } from '$lib/server/teacher-assignment';
import type { Actions, PageServerLoad } from './$types';

async function requireStudent(event: RequestEvent<{ assignment: string; student: string }>) {
	const a = await requireOwnAssignment(event);
	const student = await findStudent(useApp(), a, event.params.student);
	if (!student) error(404, 'There is no such student in this assignment.');
	return { a, student };
}

export const load: PageServerLoad = async (event) => {
	const { a, student } = await requireStudent(event);
	const app = useApp();
	const attempts = await attemptsOf(app, student.id, serverNow());
	return {
		assignment: { id: a.id, title: a.title, classId: a.class_id, className: a.class_name },
		student: {
			id: student.id,
			name: student.display_name,
			joined: student.created_at,
			lastActive: student.last_active_at
		},
		attempts: attempts.map((t) => ({
			attempt: t.attempt,
			finished: t.finished,
			total: t.play.total,
			score: t.play.score,
			answers: reviewPlay(t.play)
		})),
		articleNames: app.bank.articleName
	};
};

export const actions: Actions = {
	reset: async (event) => {
		const { a, student } = await requireStudent(event);
		await resetStudent(useApp(), student.id);
		redirect(303, `/teach/assignments/${a.id}/students/${student.id}`);
	},
	delete: async (event) => {
		const { a, student } = await requireStudent(event);
		await deleteStudent(useApp(), student.id);
		redirect(303, `/teach/assignments/${a.id}`);
	}
};

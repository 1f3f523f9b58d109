import { error, fail, redirect } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { closedReason, findAssignmentByCode, rosterOf } from '$lib/server/assignments';
import { JOIN_PER_ADDRESS, hitLimit, waitMessage } from '$lib/server/auth/rate-limit';
import {
	attemptsOf,
	joinAssignment,
	rememberStudent,
	startAttempt,
	studentFromCookie
} from '$lib/server/students';
import type { Actions, PageServerLoad } from './$types';
import { serverNow } from '$lib/server/clock';

const NO_SUCH = 'No assignment has that code. Check it with your teacher.';

async function assignmentFor(code: string, address: string) {
	const app = useApp();
	const a = await findAssignmentByCode(app, code);
	if (!a) {
		// Guessing codes is slowed down per address.
		const wait = await hitLimit(app.store, `join:${address}`, JOIN_PER_ADDRESS, serverNow());
		error(wait > 0 ? 429 : 404, wait > 0 ? waitMessage(wait) : NO_SUCH);
	}
	return a;
}

export const load: PageServerLoad = async ({ params, cookies, getClientAddress }) => {
	const app = useApp();
	const a = await assignmentFor(params.code, getClientAddress());
	const now = serverNow();
	const student = await studentFromCookie(app, cookies, a);
	const attempts = student ? await attemptsOf(app, student.id, now) : [];
	const open = attempts.find((t) => !t.finished);
	const last = attempts.at(-1);
	return {
		assignment: {
			title: a.title,
			instructions: a.instructions,
			names: a.names,
			roster: a.names === 'roster' ? rosterOf(a) : [],
			attempts: a.attempts
		},
		closed: closedReason(a, now),
		student: student ? { name: student.display_name } : null,
		progress: {
			used: attempts.length,
			openPlay: open?.playId ?? null,
			lastFinishedPlay: last?.finished ? last.playId : null
		}
	};
};

export const actions: Actions = {
	join: async ({ params, request, cookies, url, getClientAddress }) => {
		const app = useApp();
		const a = await assignmentFor(params.code, getClientAddress());
		const now = serverNow();
		const closed = closedReason(a, now);
		if (closed) return fail(409, { message: closed });
		let student = await studentFromCookie(app, cookies, a);
		if (!student) {
			const form = await request.formData();
			const joined = await joinAssignment(app, a, String(form.get('name') ?? ''), now);
			if (!joined.ok) return fail(400, { message: joined.message });
			student = joined.student;
			rememberStudent(cookies, a, student.id, url.protocol === 'https:');
		}
		const started = await startAttempt(app, a, student, now);
		if (!started.ok) return fail(409, { message: started.message });
		redirect(303, `/play/${started.playId}`);
	}
};

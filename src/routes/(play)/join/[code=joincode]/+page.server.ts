import { error, fail, redirect } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { withStudentSeat } from '$lib/server/caps';
import { clientAddress } from '$lib/server/http/client-address';
import { readForm, textField } from '$lib/server/forms';
import { closedReason, findAssignmentByCode, rosterOf } from '$lib/server/assignments';
import { JOIN_PER_ADDRESS, hitLimit, limitWait, waitMessage } from '$lib/server/auth/rate-limit';
import {
	attemptsOf,
	joinAssignment,
	rememberStudent,
	startAttempt,
	studentFromCookie
} from '$lib/server/students';
import type { Actions, PageServerLoad } from './$types';
import { serverNow } from '$lib/server/clock';
import { servedOverHttps } from '$lib/server/web/request-address';

const NO_SUCH = 'No assignment has that code. Check it with your teacher.';

/**
 * The assignment behind a code. While an address is held back for guessing, every code gets the
 * same 429, the right one too: otherwise the limit itself would tell a live code from a dead one.
 */
async function assignmentFor(code: string, address: string) {
	const app = useApp();
	const key = `join:${address}`;
	const now = serverNow();
	const wait = await limitWait(app.store, key, JOIN_PER_ADDRESS, now);
	if (wait > 0) error(429, waitMessage(wait));
	const a = await findAssignmentByCode(app, code);
	if (!a) {
		// Guessing codes is slowed down per address.
		const wait = await hitLimit(app.store, key, JOIN_PER_ADDRESS, now);
		error(wait > 0 ? 429 : 404, wait > 0 ? waitMessage(wait) : NO_SUCH);
	}
	return a;
}

export const load: PageServerLoad = async ({
	params,
	cookies,
	getClientAddress,
	isDataRequest
}) => {
	const app = useApp();
	const a = await assignmentFor(params.code, clientAddress({ getClientAddress }));
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
			// The class list goes only into the join page itself, and only until this browser
			// has joined: never into the page's data endpoint (`__data.json`).
			roster: a.names === 'roster' && !student && !isDataRequest ? rosterOf(a) : [],
			rosterWithheld: a.names === 'roster' && !student && isDataRequest,
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
		const address = clientAddress({ getClientAddress });
		const a = await assignmentFor(params.code, address);
		const now = serverNow();
		const closed = closedReason(a, now);
		if (closed) return fail(409, { message: closed });
		let student = await studentFromCookie(app, cookies, a);
		if (!student) {
			const read = await readForm(request);
			if (!read.ok) return read.failure;
			const name = textField(read.form, 'name');
			const seat = await withStudentSeat(app, a.id, address, now, () =>
				joinAssignment(app, a, name, now)
			);
			if (!seat.ok) return fail(429, { message: seat.message });
			const joined = seat.value;
			if (!joined.ok) return fail(400, { message: joined.message });
			student = joined.student;
			rememberStudent(cookies, a, student.id, servedOverHttps(url));
		}
		const started = await startAttempt(app, a, student, now);
		if (!started.ok) return fail(409, { message: started.message });
		redirect(303, `/play/${started.playId}`);
	}
};

import { fail, redirect } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import {
	closeAssignment,
	deleteAssignment,
	duplicateAssignment,
	reopenAssignment
} from '$lib/server/assignments';
import { requireTeacher } from '$lib/server/auth/guard';
import { listClasses } from '$lib/server/classes';
import { STUDENT_CAP_RANGE, setStudentCap, studentCapOf } from '$lib/server/caps';
import { config } from '$lib/server/config';
import { readForm, textField } from '$lib/server/forms';
import { assignmentDashboard } from '$lib/server/dashboard';
import { joinQrSvg } from '$lib/server/join-link';
import { studentAddressFor } from '$lib/server/web/request-address';
import { requireOwnAssignment } from '$lib/server/teacher-assignment';
import { REVEAL_LABELS } from '$lib/quiz/reveal';
import { displayJoinCode } from '$lib/teach/join-code';
import { formatTime } from '$lib/teach/time';
import { assignmentIsOver, teacherStatus } from '$lib/teach/assignment-status';
import type { Actions, PageServerLoad } from './$types';
import { serverNow } from '$lib/server/clock';

export const load: PageServerLoad = async (event) => {
	const a = await requireOwnAssignment(event);
	event.depends('byline:dashboard');
	const app = useApp();
	const students = studentAddressFor(event.url);
	const joinUrl = `${students.origin}/join/${a.join_code}`;
	return {
		assignment: {
			id: a.id,
			title: a.title,
			className: a.class_name,
			classId: a.class_id,
			joinCode: displayJoinCode(a.join_code),
			joinUrl,
			sameNetworkNote: students.swappedLoopback,
			closedAt: a.closed_at,
			status: teacherStatus(a, serverNow(), config.timeZone),
			over: assignmentIsOver(a, serverNow()),
			settings: [
				a.question_order === 'shuffled'
					? 'Question order shuffled for each student'
					: 'Same question order for everyone',
				a.feedback === 'end' ? 'Feedback only at the end' : 'Feedback after each question',
				`Right answers shown: ${REVEAL_LABELS[a.reveal].toLowerCase()}`,
				a.attempts === 1 ? '1 attempt' : `${a.attempts} attempts, the ${a.attempt_counts} counts`,
				a.time_limit_minutes ? `Time limit ${a.time_limit_minutes} min` : 'No time limit',
				a.opens_at ? `Opens ${formatTime(a.opens_at, config.timeZone)}` : null,
				a.closes_at ? `Closes ${formatTime(a.closes_at, config.timeZone)}` : null,
				a.names === 'anonymous'
					? 'Anonymous names'
					: a.names === 'roster'
						? 'Names from the class list'
						: 'Students type a display name'
			].filter((s): s is string => s !== null)
		},
		qr: await joinQrSvg(joinUrl),
		// Where a copy can go: the teacher's classes in use, this one first.
		copyTargets: (await listClasses(app, requireTeacher(event).id))
			.filter((c) => !c.archivedAt)
			.sort((x, y) => Number(y.id === a.class_id) - Number(x.id === a.class_id))
			.map((c) => ({ id: c.id, name: c.name })),
		studentCap: { cap: await studentCapOf(app, a.id), ...STUDENT_CAP_RANGE },
		dashboard: await assignmentDashboard(app, a, serverNow())
	};
};

export const actions: Actions = {
	close: async (event) => {
		const a = await requireOwnAssignment(event);
		await closeAssignment(useApp(), a.id, serverNow());
	},
	reopen: async (event) => {
		const a = await requireOwnAssignment(event);
		await reopenAssignment(useApp(), a.id);
	},
	studentCap: async (event) => {
		const a = await requireOwnAssignment(event);
		const read = await readForm(event.request);
		if (!read.ok) return read.failure;
		const result = await setStudentCap(useApp(), a.id, textField(read.form, 'cap'));
		if (!result.ok) return fail(400, { message: result.message });
	},
	duplicate: async (event) => {
		const a = await requireOwnAssignment(event);
		const teacher = requireTeacher(event);
		const read = await readForm(event.request);
		if (!read.ok) return read.failure;
		const copied = await duplicateAssignment(
			useApp(),
			teacher.id,
			a,
			textField(read.form, 'class'),
			serverNow()
		);
		if (!copied.ok) return fail(400, { copyMessage: copied.message });
		redirect(303, `/teach/assignments/${copied.id}?copied`);
	},
	delete: async (event) => {
		const a = await requireOwnAssignment(event);
		await deleteAssignment(useApp(), a.id);
		redirect(303, `/teach/classes/${a.class_id}`);
	}
};

import { redirect } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import {
	closeAssignment,
	closedReason,
	deleteAssignment,
	reopenAssignment
} from '$lib/server/assignments';
import { config } from '$lib/server/config';
import { assignmentDashboard } from '$lib/server/dashboard';
import { joinQrSvg } from '$lib/server/join-link';
import { requireOwnAssignment } from '$lib/server/teacher-assignment';
import { displayJoinCode } from '$lib/teach/join-code';
import { formatTime } from '$lib/teach/time';
import type { Actions, PageServerLoad } from './$types';
import { serverNow } from '$lib/server/clock';

export const load: PageServerLoad = async (event) => {
	const a = await requireOwnAssignment(event);
	event.depends('byline:dashboard');
	const app = useApp();
	const joinUrl = `${event.url.origin}/join/${a.join_code}`;
	const closed = closedReason(a, serverNow());
	return {
		assignment: {
			id: a.id,
			title: a.title,
			className: a.class_name,
			classId: a.class_id,
			joinCode: displayJoinCode(a.join_code),
			joinUrl,
			closedAt: a.closed_at,
			status: closed ?? 'Open: students can join and answer.',
			settings: [
				a.question_order === 'shuffled'
					? 'Question order shuffled for each student'
					: 'Same question order for everyone',
				a.feedback === 'end' ? 'Feedback only at the end' : 'Feedback after each question',
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
	delete: async (event) => {
		const a = await requireOwnAssignment(event);
		await deleteAssignment(useApp(), a.id);
		redirect(303, `/teach/classes/${a.class_id}`);
	}
};

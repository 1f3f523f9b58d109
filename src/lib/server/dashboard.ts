import type { Question } from '$lib/bank/schema';
import { Play } from '$lib/quiz/play';
import { buildDashboard, describeResponse } from '$lib/teach/dashboard';
import { toCsv } from '$lib/teach/csv';
import { config } from './config';
import { choicesOf } from '$lib/bank/export';
import { SKILL_NAMES } from '$lib/quiz/catalogue';
import { minutesAndSeconds, spreadsheetTime } from '$lib/teach/time';
import { assignmentIsOver } from '$lib/teach/assignment-status';
import type { App } from './app';
import { questionIdsOf, type Assignment } from './assignments';
import { loadPlaysOfAssignment } from './db/plays';
import { listStudentsOfAssignment } from './db/students';

/** The assignment's students and attempts; each attempt's play says whether it is finished. */
async function loadAssignmentData(app: App, a: Assignment, now: Date) {
	const questions = questionIdsOf(a)
		.map((id) => app.bank.question.get(id))
		.filter((q): q is Question => q !== undefined);
	const students = await listStudentsOfAssignment(app.store, a.id);
	const stored = await loadPlaysOfAssignment(app.store, a.id);
	const plays = stored.map((p) => ({
		play: new Play(p.record, p.answers, app.bank.question),
		studentId: p.record.studentId ?? ''
	}));
	return {
		questions,
		students: students.map((s) => ({
			id: s.id,
			name: s.display_name,
			lastActiveAt: s.last_active_at
		})),
		plays: plays.map(({ play, studentId }) => ({
			id: play.id,
			studentId,
			attempt: play.record.attempt ?? 1,
			createdAt: play.record.createdAt,
			finished: play.isFinished(now),
			questionIds: play.questions.map((q) => q.id)
		})),
		answers: plays.flatMap(({ play }) =>
			play.answers.map((x) => ({
				playId: play.id,
				questionId: x.questionId,
				response: x.response,
				credit: x.credit,
				points: x.points,
				answeredAt: x.answeredAt
			}))
		)
	};
}

export async function assignmentDashboard(app: App, a: Assignment, now: Date) {
	const data = await loadAssignmentData(app, a, now);
	return buildDashboard({ ...data, counts: a.attempt_counts, over: assignmentIsOver(a, now) });
}

/** One row per student, one column per question (percent right), plus totals. */
export async function wideCsv(app: App, a: Assignment, now: Date): Promise<string> {
	const data = await loadAssignmentData(app, a, now);
	const dash = buildDashboard({
		...data,
		counts: a.attempt_counts,
		over: assignmentIsOver(a, now)
	});
	const header = [
		'Student',
		'Status',
		'Score',
		'Percent',
		'Time taken (m:ss)',
		'Attempts',
		`Last active (${config.timeZone})`,
		...data.questions.map((q, i) => `Q${i + 1} ${q.prompt} (${SKILL_NAMES[q.skill]})`)
	];
	const rows = dash.students.map((s) => {
		const answers = data.answers.filter((x) => x.playId === s.playId);
		return [
			s.name,
			s.status,
			s.score,
			s.percent,
			s.seconds === null ? null : minutesAndSeconds(s.seconds),
			s.attempts,
			spreadsheetTime(s.lastActiveAt, config.timeZone),
			...data.questions.map((q) => {
				const x = answers.find((y) => y.questionId === q.id);
				return x ? Math.round(x.credit * 100) : null;
			})
		];
	});
	return toCsv([header, ...rows]);
}

/** One row per answer, every attempt included. */
export async function longCsv(app: App, a: Assignment, now: Date): Promise<string> {
	const data = await loadAssignmentData(app, a, now);
	const byId = new Map(data.questions.map((q) => [q.id, q]));
	const playOf = new Map(data.plays.map((p) => [p.id, p]));
	const nameOf = new Map(data.students.map((s) => [s.id, s.name]));
	const header = [
		'Student',
		'Attempt',
		'Question number',
		'Question id',
		'Skill',
		'Prompt',
		'Answer',
		'Right answer',
		'Credit',
		'Points',
		`Answered at (${config.timeZone})`
	];
	const rows = data.answers.map((x) => {
		const play = playOf.get(x.playId);
		const q = byId.get(x.questionId);
		return [
			nameOf.get(play?.studentId ?? '') ?? '',
			play?.attempt ?? 1,
			(play?.questionIds.indexOf(x.questionId) ?? -1) + 1,
			x.questionId,
			q ? SKILL_NAMES[q.skill] : '',
			q?.prompt ?? '',
			describeResponse(q, x.response),
			q ? choicesOf(q).correct.join('; ') : '',
			x.credit,
			x.points,
			spreadsheetTime(x.answeredAt, config.timeZone)
		];
	});
	return toCsv([header, ...rows]);
}

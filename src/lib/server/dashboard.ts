import type { Question } from '$lib/bank/schema';
import type { QuizResponse } from '$lib/quiz/response';
import { buildDashboard, describeResponse } from '$lib/teach/dashboard';
import { toCsv } from '$lib/teach/csv';
import { assignmentIsOver } from '$lib/teach/assignment-status';
import type { App } from './app';
import { questionIdsOf, type Assignment } from './assignments';
import { serverNow } from './clock';

async function loadAssignmentData(app: App, a: Assignment) {
	const now = serverNow().toISOString();
	const questions = questionIdsOf(a)
		.map((id) => app.bank.question.get(id))
		.filter((q): q is Question => q !== undefined);
	const students = await app.store
		.selectFrom('student')
		.selectAll()
		.where('assignment_id', '=', a.id)
		.orderBy('display_name')
		.execute();
	const plays = await app.store
		.selectFrom('play')
		.innerJoin('student', 'student.id', 'play.student_id')
		.selectAll('play')
		.where('student.assignment_id', '=', a.id)
		.execute();
	const answers = await app.store
		.selectFrom('answer')
		.innerJoin('play', 'play.id', 'answer.play_id')
		.innerJoin('student', 'student.id', 'play.student_id')
		.selectAll('answer')
		.where('student.assignment_id', '=', a.id)
		.orderBy('answer.play_id')
		.orderBy('answer.position')
		.execute();
	const answeredCount = new Map<string, number>();
	for (const x of answers) answeredCount.set(x.play_id, (answeredCount.get(x.play_id) ?? 0) + 1);
	return {
		questions,
		students: students.map((s) => ({
			id: s.id,
			name: s.display_name,
			lastActiveAt: s.last_active_at
		})),
		plays: plays.map((p) => {
			const questionIds = JSON.parse(p.question_ids) as string[];
			return {
				id: p.id,
				studentId: p.student_id ?? '',
				attempt: p.attempt ?? 1,
				createdAt: p.created_at,
				finished:
					p.finished_at !== null ||
					(answeredCount.get(p.id) ?? 0) >= questionIds.length ||
					(p.deadline_at !== null && p.deadline_at <= now),
				questionIds
			};
		}),
		answers: answers.map((x) => ({
			playId: x.play_id,
			questionId: x.question_id,
			response: JSON.parse(x.response) as QuizResponse,
			credit: x.credit,
			points: x.points,
			answeredAt: x.answered_at
		}))
	};
}

export async function assignmentDashboard(app: App, a: Assignment) {
	const data = await loadAssignmentData(app, a);
	return buildDashboard({
		...data,
		counts: a.attempt_counts,
		over: assignmentIsOver(a, serverNow())
	});
}

/** One row per student, one column per question (percent right), plus totals. */
export async function wideCsv(app: App, a: Assignment): Promise<string> {
	const data = await loadAssignmentData(app, a);
	const dash = buildDashboard({
		...data,
		counts: a.attempt_counts,
		over: assignmentIsOver(a, serverNow())
	});
	const header = [
		'Student',
		'Status',
		'Score',
		'Percent',
		'Minutes taken',
		'Attempts',
		'Last active',
		...data.questions.map((q, i) => `Q${i + 1} ${q.id}`)
	];
	const rows = dash.students.map((s) => {
		const answers = data.answers.filter((x) => x.playId === s.playId);
		return [
			s.name,
			s.status,
			s.score,
			s.percent,
			s.seconds === null ? null : Math.round(s.seconds / 6) / 10,
			s.attempts,
			s.lastActiveAt,
			...data.questions.map((q) => {
				const x = answers.find((y) => y.questionId === q.id);
				return x ? Math.round(x.credit * 100) : null;
			})
		];
	});
	return toCsv([header, ...rows]);
}

/** One row per answer, every attempt included. */
export async function longCsv(app: App, a: Assignment): Promise<string> {
	const data = await loadAssignmentData(app, a);
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
		'Credit',
		'Points',
		'Answered at'
	];
	const rows = data.answers.map((x) => {
		const play = playOf.get(x.playId);
		const q = byId.get(x.questionId);
		return [
			nameOf.get(play?.studentId ?? '') ?? '',
			play?.attempt ?? 1,
			(play?.questionIds.indexOf(x.questionId) ?? -1) + 1,
			x.questionId,
			q?.skill ?? '',
			q?.prompt ?? '',
			describeResponse(q, x.response),
			x.credit,
			x.points,
			x.answeredAt
		];
	});
	return toCsv([header, ...rows]);
}

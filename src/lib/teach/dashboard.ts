import type { Question } from '$lib/bank/schema';
import type { Skill } from '$lib/bank/vocabulary';
import type { QuizResponse } from '$lib/quiz/response';

export interface DashboardStudent {
	id: string;
	name: string;
	lastActiveAt: string;
}

export interface DashboardPlay {
	id: string;
	studentId: string;
	attempt: number;
	createdAt: string;
	finished: boolean;
	questionIds: string[];
}

export interface DashboardAnswer {
	playId: string;
	questionId: string;
	response: QuizResponse;
	credit: number;
	points: number;
	answeredAt: string;
}

export interface StudentRow {
	id: string;
	name: string;
	status: 'Not started' | 'In progress' | 'Finished' | 'Did not finish';
	answered: number;
	total: number;
	score: number;
	/** Share right, partial credit included, of the questions answered; null before any answer. */
	percent: number | null;
	/** Seconds from the attempt's start to its last answer. */
	seconds: number | null;
	attempts: number;
	lastActiveAt: string;
	/** The attempt that counts, by the assignment's rule. */
	playId: string | null;
	/** Credit (0 to 1) per question id answered in the attempt that counts: the heat map's cells. */
	marks: Record<string, number>;
}

export interface QuestionRow {
	id: string;
	prompt: string;
	answered: number;
	percent: number | null;
	/** The wrong answer most students gave, and how many gave it. */
	commonWrong: { text: string; count: number } | null;
}

export interface SkillRow {
	skill: Skill;
	questions: number;
	percent: number;
}

/** What a student answered, as one line of text for the dashboard and the CSV. */
export function describeResponse(q: Question | undefined, response: QuizResponse): string {
	if (response.kind === 'choice') return response.choice;
	if (response.kind === 'choices') return response.choices.join('; ');
	const items =
		q?.type === 'who-said-it'
			? q.pairs.map((p) => p.quote)
			: q?.type === 'fact-or-opinion'
				? q.statements.map((s) => s.text)
				: [];
	return Object.entries(response.placements)
		.map(([key, value]) => `${items[Number(key)] ?? key} → ${value}`)
		.join('; ');
}

/** Each wrong part of an answer, so the most common mistake can be counted. */
function wrongParts(q: Question, response: QuizResponse): string[] {
	switch (q.type) {
		case 'single-choice':
		case 'find-the-evidence':
			return response.kind === 'choice' && response.choice !== q.answer ? [response.choice] : [];
		case 'true-false':
			return response.kind === 'choice' && response.choice !== (q.answer ? 'True' : 'False')
				? [response.choice]
				: [];
		case 'select-all':
			return response.kind === 'choices'
				? response.choices.filter((c) => !q.answers.includes(c))
				: [];
		case 'who-said-it':
		case 'fact-or-opinion': {
			if (response.kind !== 'placements') return [];
			const items =
				q.type === 'who-said-it'
					? q.pairs.map((p) => ({ text: p.quote, right: p.speaker }))
					: q.statements.map((s) => ({ text: s.text, right: s.label }));
			return items.flatMap((item, i) => {
				const given = response.placements[String(i)];
				return given && given !== item.right ? [`${item.text} → ${given}`] : [];
			});
		}
	}
}

export function countingPlay(
	plays: DashboardPlay[],
	scoreOf: (playId: string) => number,
	counts: 'best' | 'last'
): DashboardPlay | null {
	if (plays.length === 0) return null;
	const byAttempt = [...plays].sort((a, b) => a.attempt - b.attempt);
	if (counts === 'last') return byAttempt.at(-1) ?? null;
	const finished = byAttempt.filter((p) => p.finished);
	if (finished.length === 0) return byAttempt.at(-1) ?? null;
	return finished.reduce((best, p) => (scoreOf(p.id) > scoreOf(best.id) ? p : best));
}

export function buildDashboard(input: {
	questions: Question[];
	students: DashboardStudent[];
	plays: DashboardPlay[];
	answers: DashboardAnswer[];
	counts: 'best' | 'last';
	/** Closed, or past its closing time: an attempt still open then did not finish. */
	over?: boolean;
}): { students: StudentRow[]; questions: QuestionRow[]; skills: SkillRow[] } {
	const answersOf = new Map<string, DashboardAnswer[]>();
	for (const a of input.answers) answersOf.set(a.playId, [...(answersOf.get(a.playId) ?? []), a]);
	const scoreOf = (playId: string) =>
		(answersOf.get(playId) ?? []).reduce((s, a) => s + a.points, 0);
	const counted: DashboardAnswer[] = [];

	const students = input.students.map((s): StudentRow => {
		const plays = input.plays.filter((p) => p.studentId === s.id);
		const play = countingPlay(plays, scoreOf, input.counts);
		const answers = play ? (answersOf.get(play.id) ?? []) : [];
		counted.push(...answers);
		const last = answers
			.map((a) => a.answeredAt)
			.sort()
			.at(-1);
		return {
			id: s.id,
			name: s.name,
			status: !play
				? 'Not started'
				: play.finished
					? 'Finished'
					: input.over
						? 'Did not finish'
						: 'In progress',
			answered: answers.length,
			total: play ? play.questionIds.length : input.questions.length,
			score: play ? scoreOf(play.id) : 0,
			percent: answers.length
				? Math.round((100 * answers.reduce((t, a) => t + a.credit, 0)) / answers.length)
				: null,
			seconds:
				play && last ? Math.round((Date.parse(last) - Date.parse(play.createdAt)) / 1000) : null,
			attempts: plays.length,
			lastActiveAt: s.lastActiveAt,
			playId: play?.id ?? null,
			marks: Object.fromEntries(answers.map((a) => [a.questionId, a.credit]))
		};
	});

	const questions = input.questions.map((q): QuestionRow => {
		const mine = counted.filter((a) => a.questionId === q.id);
		const wrong = new Map<string, number>();
		for (const a of mine)
			for (const w of wrongParts(q, a.response)) wrong.set(w, (wrong.get(w) ?? 0) + 1);
		const top = [...wrong.entries()].sort((a, b) => b[1] - a[1])[0];
		return {
			id: q.id,
			prompt: q.prompt,
			answered: mine.length,
			percent: mine.length
				? Math.round((100 * mine.reduce((t, a) => t + a.credit, 0)) / mine.length)
				: null,
			commonWrong: top ? { text: top[0], count: top[1] } : null
		};
	});

	const bySkill = new Map<Skill, { credit: number; n: number }>();
	const skillOf = new Map(input.questions.map((q) => [q.id, q.skill]));
	for (const a of counted) {
		const skill = skillOf.get(a.questionId);
		if (!skill) continue;
		const s = bySkill.get(skill) ?? { credit: 0, n: 0 };
		s.credit += a.credit;
		s.n++;
		bySkill.set(skill, s);
	}
	const skills = [...bySkill.entries()].map(([skill, s]) => ({
		skill,
		questions: s.n,
		percent: Math.round((100 * s.credit) / s.n)
	}));
	return { students, questions, skills };
}

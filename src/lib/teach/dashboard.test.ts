import { describe, expect, it } from 'vitest';
import type { Question } from '$lib/bank/schema';
import type { QuizResponse } from '$lib/quiz/response';
import {
	buildDashboard,
	countingPlay,
	describeResponse,
	type DashboardAnswer,
	type DashboardPlay,
	type DashboardStudent
} from './dashboard';

const common = {
	articles: ['some-article'],
	difficulty: 1 as const,
	stance: 'neutral' as const,
	explanation: 'Because.',
	evidence: [{ article: 'some-article', quote: 'A quote.' }]
};

const single: Question = {
	...common,
	id: 'q-single',
	type: 'single-choice',
	skill: 'sourcing',
	prompt: 'Who is the source?',
	options: ['Right', 'Wrong A', 'Wrong B'],
	answer: 'Right'
};
const selectAll: Question = {
	...common,
	id: 'q-select',
	type: 'select-all',
	skill: 'sourcing',
	prompt: 'Which are named sources?',
	options: ['A', 'B', 'C', 'D'],
	answers: ['A', 'C']
};
const trueFalse: Question = {
	...common,
	id: 'q-tf',
	type: 'true-false',
	skill: 'framing',
	prompt: 'The headline is neutral.',
	answer: true
};
const whoSaid: Question = {
	...common,
	id: 'q-who',
	type: 'who-said-it',
	skill: 'attribution',
	prompt: 'Who said it?',
	pairs: [
		{ quote: 'We will win.', speaker: 'Mayor' },
		{ quote: 'It is too early to say.', speaker: 'Analyst' }
	],
	distractors: ['Reporter']
};
const factOpinion: Question = {
	...common,
	id: 'q-fo',
	type: 'fact-or-opinion',
	skill: 'fact-vs-opinion',
	prompt: 'Fact or opinion?',
	labels: ['Fact', 'Opinion'],
	statements: [
		{ text: 'The vote was 5 to 4.', label: 'Fact' },
		{ text: 'The plan is a disaster.', label: 'Opinion' }
	]
};

const choice = (c: string): QuizResponse => ({ kind: 'choice', choice: c });
const choices = (...c: string[]): QuizResponse => ({ kind: 'choices', choices: c });
const placements = (p: Record<string, string>): QuizResponse => ({
	kind: 'placements',
	placements: p
});

const T0 = '2026-03-02T09:00:00.000Z';
const at = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();

function student(id: string, name = id): DashboardStudent {
	return { id, name, lastActiveAt: T0 };
}

function play(id: string, studentId: string, change: Partial<DashboardPlay> = {}): DashboardPlay {
	return {
		id,
		studentId,
		attempt: 1,
		createdAt: T0,
		finished: false,
		questionIds: [single.id, selectAll.id, trueFalse.id],
		...change
	};
}

function answer(
	playId: string,
	questionId: string,
	response: QuizResponse,
	credit: number,
	seconds = 30
): DashboardAnswer {
	return {
		playId,
		questionId,
		response,
		credit,
		points: Math.round(credit * 100),
		answeredAt: at(seconds)
	};
}

describe('buildDashboard: students', () => {
	const questions = [single, selectAll, trueFalse];

	it('shows a student who joined but never started', () => {
		const dash = buildDashboard({
			questions,
			students: [student('s1', 'Ama')],
			plays: [],
			answers: [],
			counts: 'best'
		});
		expect(dash.students).toEqual([
			{
				id: 's1',
				name: 'Ama',
				status: 'Not started',
				answered: 0,
				total: 3,
				score: 0,
				percent: null,
				seconds: null,
				attempts: 0,
				lastActiveAt: T0,
				playId: null,
				marks: {}
			}
		]);
	});

	it('shows progress, score, percent (partial credit included) and time for one in progress', () => {
		const dash = buildDashboard({
			questions,
			students: [student('s1')],
			plays: [play('p1', 's1')],
			answers: [
				answer('p1', single.id, choice('Right'), 1, 40),
				answer('p1', selectAll.id, choices('A'), 0.5, 95)
			],
			counts: 'best'
		});
		expect(dash.students[0]).toMatchObject({
			status: 'In progress',
			answered: 2,
			total: 3,
			score: 150,
			percent: 75,
			seconds: 95,
			attempts: 1,
			playId: 'p1',
			marks: { [single.id]: 1, [selectAll.id]: 0.5 }
		});
	});

	it('says an attempt still open when the assignment closed did not finish', () => {
		const input = {
			questions,
			students: [student('s1'), student('s2')],
			plays: [play('p1', 's1'), play('p2', 's2', { finished: true })],
			answers: [answer('p1', single.id, choice('Right'), 1, 40)],
			counts: 'best' as const
		};
		expect(buildDashboard({ ...input, over: true }).students.map((s) => s.status)).toEqual([
			'Did not finish',
			'Finished'
		]);
		expect(buildDashboard(input).students[0].status).toBe('In progress');
	});

	it('marks a finished attempt and counts its total from the play, not the assignment', () => {
		const dash = buildDashboard({
			questions,
			students: [student('s1')],
			plays: [play('p1', 's1', { finished: true, questionIds: [single.id, trueFalse.id] })],
			answers: [
				answer('p1', single.id, choice('Wrong A'), 0, 20),
				answer('p1', trueFalse.id, choice('True'), 1, 50)
			],
			counts: 'best'
		});
		expect(dash.students[0]).toMatchObject({
			status: 'Finished',
			answered: 2,
			total: 2,
			score: 100,
			percent: 50,
			seconds: 50
		});
	});

	it('rounds the percent', () => {
		const dash = buildDashboard({
			questions,
			students: [student('s1')],
			plays: [play('p1', 's1', { finished: true })],
			answers: [
				answer('p1', single.id, choice('Right'), 1),
				answer('p1', selectAll.id, choices('A', 'B'), 0),
				answer('p1', trueFalse.id, choice('False'), 0)
			],
			counts: 'best'
		});
		expect(dash.students[0].percent).toBe(33);
	});

	describe('with several attempts', () => {
		// Attempt 1 scores 200, attempt 2 scores 100: best and last disagree.
		const plays = [
			play('p1', 's1', { attempt: 1, finished: true }),
			play('p2', 's1', { attempt: 2, finished: true, createdAt: at(600) })
		];
		const answers = [
			answer('p1', single.id, choice('Right'), 1, 10),
			answer('p1', selectAll.id, choices('A', 'C'), 1, 20),
			answer('p1', trueFalse.id, choice('False'), 0, 30),
			answer('p2', single.id, choice('Wrong B'), 0, 610),
			answer('p2', selectAll.id, choices('B'), 0, 620),
			answer('p2', trueFalse.id, choice('True'), 1, 660)
		];

		it('counts the best attempt when the assignment says "best"', () => {
			const dash = buildDashboard({
				questions,
				students: [student('s1')],
				plays,
				answers,
				counts: 'best'
			});
			expect(dash.students[0]).toMatchObject({
				playId: 'p1',
				score: 200,
				percent: 67,
				seconds: 30,
				attempts: 2
			});
			// Only the counted attempt feeds the question and skill tables.
			expect(dash.questions.find((q) => q.id === single.id)).toMatchObject({
				answered: 1,
				percent: 100,
				commonWrong: null
			});
		});

		it('counts the last attempt when the assignment says "last"', () => {
			const dash = buildDashboard({
				questions,
				students: [student('s1')],
				plays,
				answers,
				counts: 'last'
			});
			expect(dash.students[0]).toMatchObject({
				playId: 'p2',
				score: 100,
				percent: 33,
				seconds: 60,
				attempts: 2
			});
			expect(dash.questions.find((q) => q.id === single.id)).toMatchObject({
				answered: 1,
				percent: 0,
				commonWrong: { text: 'Wrong B', count: 1 }
			});
		});

		it('with "best", an unfinished attempt does not replace a finished one, even if ahead', () => {
			const dash = buildDashboard({
				questions,
				students: [student('s1')],
				plays: [
					play('p1', 's1', { attempt: 1, finished: true }),
					play('p2', 's1', { attempt: 2, finished: false })
				],
				answers: [
					answer('p1', single.id, choice('Right'), 1),
					answer('p2', single.id, choice('Right'), 1),
					answer('p2', selectAll.id, choices('A', 'C'), 1)
				],
				counts: 'best'
			});
			expect(dash.students[0]).toMatchObject({ playId: 'p1', status: 'Finished', score: 100 });
		});
	});
});

describe('countingPlay', () => {
	const scores: Record<string, number> = { p1: 100, p2: 300, p3: 300 };
	const scoreOf = (id: string) => scores[id] ?? 0;

	it('is null without plays', () => {
		expect(countingPlay([], scoreOf, 'best')).toBeNull();
		expect(countingPlay([], scoreOf, 'last')).toBeNull();
	});

	it('takes the highest attempt number for "last", whatever the order given', () => {
		const plays = [
			play('p3', 's', { attempt: 3, finished: true }),
			play('p1', 's', { attempt: 1, finished: true }),
			play('p2', 's', { attempt: 2, finished: true })
		];
		expect(countingPlay(plays, scoreOf, 'last')?.id).toBe('p3');
	});

	it('takes the earliest of equal best scores, and the latest attempt when none is finished', () => {
		const finished = [
			play('p1', 's', { attempt: 1, finished: true }),
			play('p2', 's', { attempt: 2, finished: true }),
			play('p3', 's', { attempt: 3, finished: true })
		];
		expect(countingPlay(finished, scoreOf, 'best')?.id).toBe('p2');
		const open = [play('p1', 's', { attempt: 1 }), play('p2', 's', { attempt: 2 })];
		expect(countingPlay(open, scoreOf, 'best')?.id).toBe('p2');
	});
});

describe('buildDashboard: questions', () => {
	function dashboardFor(q: Question, responses: [QuizResponse, number][]) {
		const students = responses.map((_, i) => student(`s${i}`));
		const plays = responses.map((_, i) =>
			play(`p${i}`, `s${i}`, { finished: true, questionIds: [q.id] })
		);
		const answers = responses.map(([r, credit], i) => answer(`p${i}`, q.id, r, credit));
		return buildDashboard({ questions: [q], students, plays, answers, counts: 'best' });
	}

	it('has no percent and no common wrong answer before anyone answers', () => {
		const dash = buildDashboard({
			questions: [single],
			students: [student('s1')],
			plays: [],
			answers: [],
			counts: 'best'
		});
		expect(dash.questions).toEqual([
			{ id: single.id, prompt: single.prompt, answered: 0, percent: null, commonWrong: null }
		]);
		expect(dash.skills).toEqual([]);
	});

	it('single choice: percent right and the most chosen wrong option', () => {
		const dash = dashboardFor(single, [
			[choice('Right'), 1],
			[choice('Wrong B'), 0],
			[choice('Wrong B'), 0],
			[choice('Wrong A'), 0]
		]);
		expect(dash.questions[0]).toMatchObject({
			answered: 4,
			percent: 25,
			commonWrong: { text: 'Wrong B', count: 2 }
		});
	});

	it('true/false: the wrong answer is the other word', () => {
		const dash = dashboardFor(trueFalse, [
			[choice('True'), 1],
			[choice('False'), 0]
		]);
		expect(dash.questions[0]).toMatchObject({
			percent: 50,
			commonWrong: { text: 'False', count: 1 }
		});
	});

	it('select-all: counts each wrongly ticked option, not missed ones', () => {
		const dash = dashboardFor(selectAll, [
			[choices('A', 'B'), 0.5],
			[choices('A', 'B', 'D'), 0],
			[choices('A', 'C'), 1],
			[choices('A'), 0.5]
		]);
		expect(dash.questions[0]).toMatchObject({
			answered: 4,
			percent: 50,
			commonWrong: { text: 'B', count: 2 }
		});
	});

	it('select-all with only right ticks has no wrong answer', () => {
		const dash = dashboardFor(selectAll, [[choices('A'), 0.5]]);
		expect(dash.questions[0].commonWrong).toBeNull();
	});

	it('matching (who said it): the most common wrong pairing, as "quote → speaker"', () => {
		const dash = dashboardFor(whoSaid, [
			[placements({ '0': 'Mayor', '1': 'Analyst' }), 1],
			[placements({ '0': 'Analyst', '1': 'Analyst' }), 0.5],
			[placements({ '0': 'Reporter', '1': 'Analyst' }), 0.5],
			[placements({ '0': 'Analyst', '1': 'Mayor' }), 0]
		]);
		expect(dash.questions[0]).toMatchObject({
			percent: 50,
			commonWrong: { text: 'We will win. → Analyst', count: 2 }
		});
	});

	it('fact or opinion: the most common wrong label for a statement', () => {
		const dash = dashboardFor(factOpinion, [
			[placements({ '0': 'Fact', '1': 'Fact' }), 0.5],
			[placements({ '0': 'Opinion', '1': 'Fact' }), 0],
			[placements({ '0': 'Fact', '1': 'Opinion' }), 1]
		]);
		expect(dash.questions[0].commonWrong).toEqual({
			text: 'The plan is a disaster. → Fact',
			count: 2
		});
	});
});

describe('buildDashboard: skills', () => {
	it('gives the class mastery per skill from the counted answers', () => {
		const dash = buildDashboard({
			questions: [single, selectAll, trueFalse],
			students: [student('s1'), student('s2')],
			plays: [
				play('p1', 's1', { finished: true }),
				// s2's first attempt does not count ("last"), so its perfect answers are left out.
				play('p0', 's2', { attempt: 1, finished: true }),
				play('p2', 's2', { attempt: 2, finished: true })
			],
			answers: [
				answer('p1', single.id, choice('Right'), 1),
				answer('p1', selectAll.id, choices('A'), 0.5),
				answer('p1', trueFalse.id, choice('True'), 1),
				answer('p2', single.id, choice('Wrong A'), 0),
				answer('p2', trueFalse.id, choice('False'), 0),
				answer('p0', single.id, choice('Right'), 1),
				answer('p0', trueFalse.id, choice('True'), 1)
			],
			counts: 'last'
		});
		const bySkill = Object.fromEntries(dash.skills.map((s) => [s.skill, s]));
		// sourcing: 1 + 0.5 + 0 over 3 answers; framing: 1 + 0 over 2. `questions` counts answers.
		expect(bySkill).toEqual({
			sourcing: { skill: 'sourcing', questions: 3, percent: 50 },
			framing: { skill: 'framing', questions: 2, percent: 50 }
		});
	});

	it('ignores answers to questions that are no longer in the bank', () => {
		const dash = buildDashboard({
			questions: [single],
			students: [student('s1')],
			plays: [play('p1', 's1', { questionIds: [single.id, 'gone'] })],
			answers: [answer('p1', 'gone', choice('x'), 1), answer('p1', single.id, choice('Right'), 1)],
			counts: 'best'
		});
		expect(dash.skills).toEqual([{ skill: 'sourcing', questions: 1, percent: 100 }]);
		expect(dash.questions).toHaveLength(1);
	});
});

describe('describeResponse', () => {
	it('shows a single choice as itself', () => {
		expect(describeResponse(single, choice('Wrong A'))).toBe('Wrong A');
		expect(describeResponse(trueFalse, choice('False'))).toBe('False');
	});

	it('joins ticked options with semicolons', () => {
		expect(describeResponse(selectAll, choices('A', 'C'))).toBe('A; C');
	});

	it('names each matched quote or statement by its text', () => {
		expect(describeResponse(whoSaid, placements({ '0': 'Analyst', '1': 'Mayor' }))).toBe(
			'We will win. → Analyst; It is too early to say. → Mayor'
		);
		expect(describeResponse(factOpinion, placements({ '1': 'Fact' }))).toBe(
			'The plan is a disaster. → Fact'
		);
	});

	it('falls back to the item key when the question is unknown', () => {
		expect(describeResponse(undefined, placements({ '0': 'Mayor' }))).toBe('0 → Mayor');
		expect(describeResponse(undefined, choice('Right'))).toBe('Right');
	});
});

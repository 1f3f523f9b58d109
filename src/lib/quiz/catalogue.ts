import type { Bank } from '$lib/bank/bank';
import type { Question } from '$lib/bank/schema';
import { SKILLS, type Skill } from '$lib/bank/vocabulary';
import { seededRandom, shuffled } from './random';

/** A quiz on offer: a fixed pool of questions, all asked or `size` of them drawn per play. */
export interface Quiz {
	id: string;
	title: string;
	blurb: string;
	group: 'article' | 'skill' | 'mixed' | 'compare' | 'assignment' | 'kiosk';
	questionIds: string[];
	/** How many questions a play asks; fewer than the pool means a fresh draw each play. */
	size: number;
	minutes: number;
}

export const SKILL_NAMES: Record<Skill, string> = {
	attribution: 'Who said what',
	sourcing: 'Sources',
	'fact-vs-opinion': 'Fact or opinion',
	framing: 'Framing',
	'comparing-coverage': 'Comparing coverage',
	'reporting-vs-promotion': 'Reporting or promotion',
	evidence: 'Evidence',
	context: 'Context'
};

export const SKILL_BLURBS: Record<Skill, string> = {
	attribution: 'Track whose words you are reading.',
	sourcing: 'Named or anonymous, qualified or not, and what a source can know.',
	'fact-vs-opinion': 'Tell reporting from a writer’s judgement.',
	framing: 'Headlines, loaded words, and “unit” versus “working group”.',
	'comparing-coverage': 'How three pages tell one story differently.',
	'reporting-vs-promotion': 'Article text versus promos, pitches and appeals.',
	evidence: 'What backs a claim, and what is second-hand.',
	context: 'Dates, places, numbers and who holds which office.'
};

const MIXED_SIZE = 10;
/** Long pools are drawn down to a class-period length; every play draws afresh. */
const MAX_SIZE = 12;

/** Reading time plus thinking time, rounded up to a whole minute. */
export function estimateMinutes(questions: readonly Question[]): number {
	const seconds = questions.reduce(
		(sum, q) => sum + 25 + 15 * q.difficulty + q.prompt.length / 20,
		0
	);
	return Math.max(1, Math.ceil(seconds / 60));
}

export function buildCatalogue(bank: Bank): Quiz[] {
	const quiz = (
		id: string,
		title: string,
		blurb: string,
		group: Quiz['group'],
		pool: Question[],
		size = Math.min(pool.length, MAX_SIZE)
	): Quiz => ({
		id,
		title,
		blurb,
		group,
		questionIds: pool.map((q) => q.id),
		size,
		minutes: estimateMinutes(size < pool.length ? spreadSample(pool, size) : pool)
	});
	const quizzes: Quiz[] = [];
	quizzes.push(
		quiz(
			'mixed',
			'Mixed quiz',
			`${MIXED_SIZE} questions drawn from the whole bank, new each time.`,
			'mixed',
			bank.questions,
			MIXED_SIZE
		)
	);
	quizzes.push(
		quiz(
			'compare',
			'Compare the coverage',
			'Three pages, one event: spot how they differ.',
			'compare',
			bank.questions.filter((q) => q.articles.length >= 2)
		)
	);
	for (const a of bank.articles) {
		const source = a.outlet === 'not stated' ? 'an unsigned page' : a.outlet;
		quizzes.push(
			quiz(
				`article-${a.id}`,
				a.headline,
				`Questions on the ${a.kind} from ${source}.`,
				'article',
				bank.questions.filter((q) => q.articles.length === 1 && q.articles[0] === a.id)
			)
		);
	}
	for (const skill of SKILLS) {
		quizzes.push(
			quiz(
				`skill-${skill}`,
				SKILL_NAMES[skill],
				SKILL_BLURBS[skill],
				'skill',
				bank.questions.filter((q) => q.skill === skill)
			)
		);
	}
	return quizzes.filter((q) => q.questionIds.length > 0);
}

/** For a drawn quiz, time a typical draw: `size` questions spread evenly over the pool. */
function spreadSample(pool: Question[], size: number): Question[] {
	const step = pool.length / size;
	return Array.from({ length: size }, (_, i) => pool[Math.floor(i * step)]);
}

/**
 * The questions one play asks, in order: the quiz's pool, or a fresh draw from it that takes one
 * question of each type first so every play mixes the kinds of task; then eased from difficulty 1
 * up to 3.
 */
export function drawQuestions(
	quiz: Quiz,
	questions: ReadonlyMap<string, Question>,
	seed: string
): string[] {
	const pool = shuffled(quiz.questionIds, seededRandom(seed));
	const typeOf = (id: string) => questions.get(id)?.type;
	const firstOfEachType = pool.filter(
		(id, i) => pool.findIndex((other) => typeOf(other) === typeOf(id)) === i
	);
	const rest = pool.filter((id) => !firstOfEachType.includes(id));
	const drawn = [...firstOfEachType, ...rest].slice(0, quiz.size);
	const difficulty = (id: string) => questions.get(id)?.difficulty ?? 2;
	return drawn.sort((a, b) => difficulty(a) - difficulty(b));
}

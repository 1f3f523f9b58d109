import type { Grade } from './grading';

/** Points reward accuracy only: how fast a student answered never counts. */
export const POINTS_PER_DIFFICULTY = 100;
/** A fully right answer that makes a streak of this length or more earns the bonus. */
export const STREAK_BONUS_FROM = 3;
export const STREAK_BONUS = 50;

export interface ScoredAnswer {
	points: number;
	streak: number;
	bonus: number;
}

/** Points for one graded answer, given the streak before it. */
export function scoreAnswer(
	grade: Grade,
	difficulty: 1 | 2 | 3,
	streakBefore: number
): ScoredAnswer {
	const streak = grade.verdict === 'correct' ? streakBefore + 1 : 0;
	const bonus = streak >= STREAK_BONUS_FROM ? STREAK_BONUS : 0;
	return { points: basePoints(grade, difficulty) + bonus, streak, bonus };
}

/** Points for accuracy alone: 100 × difficulty, times the share of the answer that was right. */
export function basePoints(grade: Grade, difficulty: 1 | 2 | 3): number {
	return Math.round(POINTS_PER_DIFFICULTY * difficulty * grade.credit);
}

/** The most a question can earn without its streak bonus. */
export function maxPoints(difficulty: 1 | 2 | 3): number {
	return POINTS_PER_DIFFICULTY * difficulty;
}

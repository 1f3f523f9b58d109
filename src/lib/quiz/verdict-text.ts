import type { Grade } from './grading';

/**
 * The one-line account of an answer, worded the same after each question and in the results. When
 * wrong ticks cancel right ones it says so, so "2 of 4 right" next to "+0 points" is not a puzzle.
 */
export function verdictDetails(grade: Grade, points: number, bonus = 0, streak = 0): string {
	const parts = grade.parts;
	const wrong = parts?.wrong ?? 0;
	const tally =
		parts &&
		`${parts.right} of ${parts.total} right` +
			(wrong ? `, ${wrong} wrong tick${wrong === 1 ? '' : 's'}` : '');
	const cancelled = parts && wrong > 0 && parts.right > 0 && points === 0;
	return [
		tally,
		`+${points} point${points === 1 ? '' : 's'}` +
			(bonus > 0 ? ` (including a ${bonus}-point streak bonus)` : '') +
			(cancelled ? ': the wrong ticks cancel the right ones' : ''),
		streak > 1 && `streak ${streak}`
	]
		.filter(Boolean)
		.join(' · ');
}

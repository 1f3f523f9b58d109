import { z } from 'zod';
import { visibleLines, visibleText } from '$lib/plain-text';
import { REVEAL_WHEN } from '$lib/quiz/reveal';
import { cleanName } from './names';
import { dateToWallTime, wallTimeToDate } from './time';

/** The settings a teacher chooses for an assignment, read from its form; times in `timeZone`. */
export const assignmentSettingsSchema = (timeZone: string) =>
	z
		.object({
			title: z
				.string()
				.overwrite(visibleText)
				.min(1, 'Give the assignment a title.')
				.max(120, 'Keep the title under 120 characters.'),
			instructions: z
				.string()
				.overwrite(visibleLines)
				.max(2000, 'Keep the instructions under 2,000 characters.'),
			questionOrder: z.enum(['fixed', 'shuffled']),
			feedback: z.enum(['each', 'end']),
			// A form from before the setting existed reveals as assignments always did.
			reveal: z.enum(REVEAL_WHEN).optional(),
			attempts: z.coerce
				.number({ error: 'Allow a whole number of attempts, from 1 to 10.' })
				.int('Allow a whole number of attempts, from 1 to 10.')
				.min(1, 'Allow at least 1 attempt.')
				.max(10, 'Allow at most 10 attempts.'),
			attemptCounts: z.enum(['best', 'last']),
			opensAt: z.string().trim().optional(),
			closesAt: z.string().trim().optional(),
			timeLimitMinutes: z
				.union(
					[
						z.literal(''),
						z.coerce
							.number()
							.int('Give the time limit in whole minutes, from 1 to 240.')
							.min(1, 'A time limit is at least 1 minute.')
							.max(240, 'A time limit is at most 240 minutes.')
					],
					{ error: 'Give the time limit in whole minutes, from 1 to 240, or leave it empty.' }
				)
				.optional(),
			names: z.enum(['typed', 'roster', 'anonymous']),
			roster: z.string().max(20000).optional()
		})
		.transform((s, ctx) => {
			const opensAt = parseWallTime(s.opensAt, timeZone);
			const closesAt = parseWallTime(s.closesAt, timeZone);
			if (opensAt === 'invalid')
				ctx.addIssue({
					code: 'custom',
					path: ['opensAt'],
					message: 'Enter the opening time as a date and time.'
				});
			if (closesAt === 'invalid')
				ctx.addIssue({
					code: 'custom',
					path: ['closesAt'],
					message: 'Enter the closing time as a date and time.'
				});
			if (opensAt instanceof Date && closesAt instanceof Date && closesAt <= opensAt) {
				ctx.addIssue({
					code: 'custom',
					path: ['closesAt'],
					message: 'The assignment must close after it opens.'
				});
			}
			// Answers cannot come before the verdicts: with feedback only at the end, "after each
			// question" means at the end of the attempt.
			const asked = s.reveal ?? 'question';
			const reveal = asked === 'question' && s.feedback === 'end' ? 'attempt' : asked;
			const roster = [...new Set((s.roster ?? '').split(/\r?\n/).map(cleanName).filter(Boolean))];
			if (s.names === 'roster' && roster.length === 0) {
				ctx.addIssue({
					code: 'custom',
					path: ['roster'],
					message:
						'Paste the class list, one name per line, or choose another way to name students.'
				});
			}
			return {
				title: s.title,
				instructions: s.instructions,
				questionOrder: s.questionOrder,
				feedback: s.feedback,
				reveal,
				attempts: s.attempts,
				attemptCounts: s.attemptCounts,
				opensAt: opensAt instanceof Date ? opensAt : null,
				closesAt: closesAt instanceof Date ? closesAt : null,
				timeLimitMinutes: typeof s.timeLimitMinutes === 'number' ? s.timeLimitMinutes : null,
				names: s.names,
				roster: s.names === 'roster' ? roster : []
			};
		});

export type AssignmentSettings = z.output<ReturnType<typeof assignmentSettingsSchema>>;

function parseWallTime(value: string | undefined, timeZone: string): Date | null | 'invalid' {
	if (!value) return null;
	return wallTimeToDate(value, timeZone) ?? 'invalid';
}

/** Saved settings as the settings form holds them, to edit an assignment; times in `timeZone`. */
export function settingsFormValues(
	s: AssignmentSettings,
	timeZone: string
): Record<string, string> {
	return {
		title: s.title,
		instructions: s.instructions,
		questionOrder: s.questionOrder,
		feedback: s.feedback,
		reveal: s.reveal,
		attempts: String(s.attempts),
		attemptCounts: s.attemptCounts,
		opensAt: s.opensAt ? dateToWallTime(s.opensAt, timeZone) : '',
		closesAt: s.closesAt ? dateToWallTime(s.closesAt, timeZone) : '',
		timeLimitMinutes: s.timeLimitMinutes === null ? '' : String(s.timeLimitMinutes),
		names: s.names,
		roster: s.roster.join('\n')
	};
}

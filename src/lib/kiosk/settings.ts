import { z } from 'zod';
import { QUESTION_TYPES } from '$lib/bank/vocabulary';
import { visibleText } from '$lib/plain-text';

export const ROUND_SIZE = { min: 1, max: 20, default: 5 } as const;
export const IDLE_SECONDS = { min: 5, max: 600, default: 60 } as const;

/** What a new kiosk draws: passers-by get easy, short prompts unless the owner widens it. */
export const KIOSK_DEFAULTS = {
	maxDifficulty: 1,
	questionTypes: ['single-choice', 'true-false']
} as const;

/**
 * The settings of a kiosk profile, read from the teacher's form. `quizIds` are the catalogue's
 * quizzes and `articleIds` the teacher's own articles a round may draw from; anything else (another
 * teacher's article too) is refused rather than silently dropped.
 */
export const kioskSettingsSchema = (quizIds: readonly string[], articleIds: readonly string[]) =>
	z
		.object({
			title: z
				.string()
				.overwrite(visibleText)
				.min(1, 'Give the kiosk a title; the screen shows it in large type.')
				.max(60, 'Keep the title under 60 characters so it fits the screen.'),
			quizzes: z
				.array(z.string())
				.refine((ids) => ids.every((id) => quizIds.includes(id)), 'Pick quizzes from the list.')
				.transform((ids) => [...new Set(ids)]),
			articles: z
				.array(z.string())
				.refine(
					(ids) => ids.every((id) => articleIds.includes(id)),
					'Pick articles from your own list: only the articles you added can be drawn from.'
				)
				.transform((ids) => [...new Set(ids)]),
			roundSize: z.coerce
				.number({ error: 'Say how many questions a round asks.' })
				.int('Questions per round is a whole number.')
				.min(ROUND_SIZE.min, `A round asks at least ${ROUND_SIZE.min} question.`)
				.max(ROUND_SIZE.max, `A round asks at most ${ROUND_SIZE.max} questions.`),
			idleSeconds: z.coerce
				.number({ error: 'Say after how many seconds an untouched screen asks “Still playing?”.' })
				.int('The idle timeout is a whole number of seconds.')
				.min(IDLE_SECONDS.min, `The idle timeout is at least ${IDLE_SECONDS.min} seconds.`)
				.max(IDLE_SECONDS.max, `The idle timeout is at most ${IDLE_SECONDS.max} seconds.`),
			leaderboard: z.boolean(),
			maxDifficulty: z.coerce
				.number({ error: 'Choose the hardest questions a round may ask.' })
				.int('Choose the hardest questions a round may ask.')
				.min(1, 'Choose the hardest questions a round may ask.')
				.max(3, 'Choose the hardest questions a round may ask.'),
			questionTypes: z
				.array(z.enum(QUESTION_TYPES, { error: 'Pick question types from the list.' }))
				.min(1, 'Tick at least one kind of question.')
				.transform((types) => [...new Set(types)])
		})
		.refine((s) => s.quizzes.length + s.articles.length > 0, {
			message: 'Tick at least one quiz, skill or article of yours for the rounds to draw from.',
			path: ['quizzes']
		});

export type KioskSettings = z.output<ReturnType<typeof kioskSettingsSchema>>;

/** The form's fields as the schema reads them: a checkbox is on when present. */
export function settingsInput(form: FormData): Record<string, unknown> {
	return {
		title: String(form.get('title') ?? ''),
		quizzes: form.getAll('quizzes').map(String),
		articles: form.getAll('articles').map(String),
		roundSize: String(form.get('roundSize') ?? ''),
		idleSeconds: String(form.get('idleSeconds') ?? ''),
		leaderboard: form.get('leaderboard') === 'on',
		// A post without these fields (from before they existed) keeps drawing everything.
		maxDifficulty: String(form.get('maxDifficulty') ?? '3'),
		questionTypes: form.has('maxDifficulty')
			? form.getAll('questionTypes').map(String)
			: [...QUESTION_TYPES]
	};
}

export type SettingsResult =
	{ ok: true; settings: KioskSettings } | { ok: false; message: string; field: string };

export function parseKioskSettings(
	form: FormData,
	quizIds: readonly string[],
	articleIds: readonly string[]
): SettingsResult {
	const parsed = kioskSettingsSchema(quizIds, articleIds).safeParse(settingsInput(form));
	if (parsed.success) return { ok: true, settings: parsed.data };
	const issue = parsed.error.issues[0];
	return { ok: false, message: issue.message, field: String(issue.path[0] ?? '') };
}

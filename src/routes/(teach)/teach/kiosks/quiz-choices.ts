import type { App } from '$lib/server/app';
import type { QuizChoice } from './KioskSettingsFields.svelte';

/** The catalogue's quizzes a kiosk can draw from (the home page's quizzes, not assignments). */
export function quizChoices(app: App): QuizChoice[] {
	return app.bank.quizzes.map((q) => ({
		id: q.id,
		title: q.title,
		group: q.group,
		questions: q.questionIds.length
	}));
}

import type { App } from '$lib/server/app';
import { listOwnArticles } from '$lib/server/authored';
import type { ArticleChoice, QuizChoice } from './KioskSettingsFields.svelte';

/** The catalogue's quizzes a kiosk can draw from (the home page's quizzes, not assignments). */
export function quizChoices(app: App): QuizChoice[] {
	return app.bank.quizzes.map((q) => ({
		id: q.id,
		title: q.title,
		group: q.group,
		questions: q.questionIds.length
	}));
}

/** The teacher's own articles a kiosk can draw from: theirs only, never another teacher's. */
export async function articleChoices(app: App, teacherId: string): Promise<ArticleChoice[]> {
	return (await listOwnArticles(app, teacherId)).map((a) => ({
		id: a.id,
		headline: a.headline,
		questions: a.questions
	}));
}

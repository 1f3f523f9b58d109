import type { Quiz } from '$lib/quiz/catalogue';
import type { App } from './app';
import { assignmentPlaySource } from './assignments';
import { kioskPlaySource } from './kiosks';

/** What a play is a round of: a quiz from the home page, an assignment or a kiosk round. */
export interface PlaySource {
	quiz: Quiz;
	/** Where the student goes from the results: the home page, the assignment's join page, the kiosk. */
	home: string;
	/** Set when the source takes no more answers (an assignment closed early or past its close time). */
	closedMessage: string | null;
}

export const ASSIGNMENT_PREFIX = 'assignment:';
export const KIOSK_PREFIX = 'kiosk:';

/** Resolves a play's `quiz_id` to its source; null when the source is gone. */
export async function resolvePlaySource(
	app: App,
	quizId: string,
	now: Date
): Promise<PlaySource | null> {
	if (quizId.startsWith(ASSIGNMENT_PREFIX))
		return assignmentPlaySource(app, quizId.slice(ASSIGNMENT_PREFIX.length), now);
	if (quizId.startsWith(KIOSK_PREFIX))
		return kioskPlaySource(app, quizId.slice(KIOSK_PREFIX.length), now);
	const quiz = app.bank.quiz.get(quizId);
	return quiz ? { quiz, home: '/', closedMessage: null } : null;
}

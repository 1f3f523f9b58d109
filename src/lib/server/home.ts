import type { Cookies } from '@sveltejs/kit';
import type { App } from './app';
import { getPlay, type OpenPlay } from './plays';
import { recentPlayIds } from './recent-plays';

export interface UnfinishedPlay {
	id: string;
	quizId: string;
	title: string;
	answered: number;
	total: number;
	score: number;
}

/** Plays this browser started and has not finished, newest first. */
export async function unfinishedPlays(
	app: App,
	cookies: Cookies,
	now: Date
): Promise<UnfinishedPlay[]> {
	const opened = await Promise.all(recentPlayIds(cookies).map((id) => getPlay(app, id)));
	return opened
		.filter((o): o is OpenPlay => o !== null && !o.play.isFinished(now))
		.map(({ play, source }) => ({
			id: play.id,
			quizId: source.quiz.id,
			title: source.quiz.title,
			answered: play.answered,
			total: play.total,
			score: play.score
		}));
}

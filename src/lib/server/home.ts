import type { Cookies } from '@sveltejs/kit';
import type { App } from './app';
import { getPlay, type PlayState } from './plays';
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
export async function unfinishedPlays(app: App, cookies: Cookies): Promise<UnfinishedPlay[]> {
	const states = await Promise.all(recentPlayIds(cookies).map((id) => getPlay(app, id)));
	return states
		.filter((s): s is PlayState => s !== null && !s.finished)
		.map((s) => ({
			id: s.id,
			quizId: s.quiz.id,
			title: s.quiz.title,
			answered: s.answered,
			total: s.total,
			score: s.score
		}));
}

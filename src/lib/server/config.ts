import { env } from '$env/dynamic/private';

/** Every environment setting the server reads, in one place, with its default. */
export const config = {
	/** The embedded SQLite file; its folder is created on first start. */
	databasePath: env.BYLINE_DATABASE ?? 'data/byline.db',
	/** The question bank: article copies in `articles/`, question files beside them. */
	questionsDir: env.BYLINE_QUESTIONS ?? 'questions'
};

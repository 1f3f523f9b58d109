import type { Question } from '$lib/bank/schema';
import type { App } from './app';
import { addArticle } from './authored';
import { insertTeacher } from './db/auth';

/** What the store-touching unit tests share: a teacher, and an article of theirs with questions. */

/** The one line of the test article, quoted as every test question's evidence. */
export const OWN_LINE = 'The council voted to close the pool.';

export async function addTestTeacher(
	app: App,
	id: string,
	now: Date,
	name: string = id
): Promise<string> {
	await insertTeacher(app.store, {
		id,
		email: `${id}@school.example`,
		display_name: name,
		password_hash: 'x',
		created_at: now.toISOString()
	});
	return id;
}

/** A pasted article of this teacher's, with details filled in; returns its id. */
export async function addTestArticle(
	app: App,
	teacherId: string,
	now: Date,
	body: string = OWN_LINE
): Promise<string> {
	return addArticle(
		app,
		teacherId,
		{
			details: {
				headline: 'Pool to close',
				outlet: 'Town Crier',
				author: 'A. Writer',
				published: '2026-03-01',
				url: 'not stated',
				kind: 'news report'
			},
			body,
			original: null
		},
		now
	);
}

/** An easy true-or-false question on the test article, its line as the evidence. */
export function trueFalseOn(article: string, prompt = 'The council voted.'): Question {
	return {
		id: 'draft',
		type: 'true-false',
		articles: [article],
		skill: 'attribution',
		difficulty: 1,
		stance: 'neutral',
		prompt,
		explanation: 'The article says so.',
		evidence: [{ article, quote: OWN_LINE }],
		answer: true
	};
}

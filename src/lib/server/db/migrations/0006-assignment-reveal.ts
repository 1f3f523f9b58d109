import type { Kysely, Migration } from 'kysely';

/**
 * When an assignment shows the right answers, explanations and evidence. Existing assignments keep
 * what they did before the setting existed: with feedback after each question, after each question;
 * with feedback only at the end, at the end of each attempt.
 */
export const assignmentReveal: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema
			.alterTable('assignment')
			.addColumn('reveal', 'text', (c) => c.notNull().defaultTo('question'))
			.execute();
		const typed = db as unknown as Kysely<{ assignment: { reveal: string; feedback: string } }>;
		await typed
			.updateTable('assignment')
			.set({ reveal: 'attempt' })
			.where('feedback', '=', 'end')
			.execute();
	}
};

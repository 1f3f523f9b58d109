import type { Generated } from 'kysely';

/** Table shapes as the query layer sees them; the same for SQLite and PostgreSQL. */
export interface PlayTable {
	id: string;
	quiz_id: string;
	/** JSON array of question ids, in the order this play asks them. */
	question_ids: string;
	/** Seeds the option order, so a reload shows the same order. */
	seed: string;
	created_at: string;
	finished_at: string | null;
}

export interface AnswerTable {
	play_id: string;
	/** 0-based position of the question in the play. */
	position: number;
	question_id: string;
	/** JSON of the parsed response. */
	response: string;
	credit: number;
	points: number;
	streak: number;
	answered_at: string;
}

export interface MigrationTable {
	name: string;
	applied_at: Generated<string>;
}

export interface Database {
	play: PlayTable;
	answer: AnswerTable;
}

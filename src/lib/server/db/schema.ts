import type { Generated } from 'kysely';
import type { AuthoredTables } from './authored-schema';
import type { RevealWhen } from '$lib/quiz/reveal';
import type { CapTables } from './caps-schema';
import type { KioskTables } from './kiosk-schema';

/** Table shapes as the query layer sees them; the same for SQLite and PostgreSQL. */
export interface PlayTable {
	id: string;
	/** The catalogue quiz of a play from the home page; for an owned play, the owner's kind. */
	quiz_id: string;
	/** The assignment this play is an attempt at, or null. */
	assignment_id: string | null;
	/** The kiosk this play is a round of, or null. */
	kiosk_id: string | null;
	/** JSON array of question ids, in the order this play asks them. */
	question_ids: string;
	/** Seeds the option order, so a reload shows the same order. */
	seed: string;
	created_at: string;
	finished_at: string | null;
	/** Set for a play of an assignment; null for a free play from the home page. */
	student_id: string | null;
	attempt: number | null;
	/** When a time limit ends the play; enforced on the server. */
	deadline_at: string | null;
	/** 'each': feedback after every question; 'end': only on the results page. */
	feedback: Generated<'each' | 'end'>;
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
	/** JSON of the grade given when the answer was accepted; null for answers stored before it was kept. */
	grade: string | null;
}

export interface TeacherTable {
	id: string;
	email: string;
	display_name: string;
	password_hash: string;
	created_at: string;
}

export interface TeacherSessionTable {
	id: string;
	teacher_id: string;
	created_at: string;
	expires_at: string;
}

export interface RateLimitTable {
	key: string;
	window_start: string;
	hits: number;
}

export interface ClassTable {
	id: string;
	teacher_id: string;
	name: string;
	created_at: string;
	/** When the teacher archived the class: hidden from the main list, its assignments closed. */
	archived_at: Generated<string | null>;
}

export interface AssignmentTable {
	id: string;
	class_id: string;
	title: string;
	instructions: string;
	question_ids: string;
	question_order: 'fixed' | 'shuffled';
	feedback: 'each' | 'end';
	attempts: number;
	attempt_counts: 'best' | 'last';
	opens_at: string | null;
	closes_at: string | null;
	time_limit_minutes: number | null;
	join_code: string;
	names: 'typed' | 'roster' | 'anonymous';
	/** JSON array of the names a teacher pasted, for `names = 'roster'`. */
	roster: string;
	closed_at: string | null;
	created_at: string;
	/** When right answers, explanations and evidence are shown: see `RevealWhen` in `quiz/reveal.ts`. */
	reveal: Generated<RevealWhen>;
}

export interface StudentTable {
	id: string;
	assignment_id: string;
	display_name: string;
	created_at: string;
	last_active_at: string;
}

export interface JobRunTable {
	job: string;
	slot: string;
	instance: string;
	ran_at: string;
}

export interface Database extends KioskTables, CapTables, AuthoredTables {
	job_run: JobRunTable;
	play: PlayTable;
	answer: AnswerTable;
	teacher: TeacherTable;
	teacher_session: TeacherSessionTable;
	rate_limit: RateLimitTable;
	class: ClassTable;
	assignment: AssignmentTable;
	student: StudentTable;
}

import type { Generated } from 'kysely';
/** Kiosk tables (migration 0003-kiosks). */
export interface KioskTable {
	/** 96 random bits, URL-safe: the id in the teacher's pages, never in the kiosk's URL. */
	id: string;
	teacher_id: string;
	title: string;
	/** SHA-256 (hex) of the 128-bit token in the kiosk URL; the token itself is never stored. */
	token_hash: string;
	/** JSON array of catalogue quiz ids whose questions the rounds draw from. */
	quiz_ids: string;
	round_size: number;
	idle_seconds: number;
	/** 1: players may put their initials on today's board; 0: no board. */
	leaderboard: number;
	/** Set when the owner stopped the screen; the URL then shows "not set up". */
	revoked_at: string | null;
	created_at: string;
	/** The screen's last heartbeat, written at most once a minute (migration 0007). */
	last_seen_at: Generated<string | null>;
	/** The hardest difficulty (1–3) a round draws. */
	max_difficulty: Generated<number>;
	/** JSON array of the question types a round draws; null for every type. */
	question_types: Generated<string | null>;
	/** JSON array of the owner's own articles whose questions the rounds draw too; null for none (0011). */
	article_ids: Generated<string | null>;
}

export interface LeaderboardEntryTable {
	id: string;
	kiosk_id: string;
	/** The finished round the score was read from; unique, so a round is posted once. */
	play_id: string;
	/** The day in the school's time zone, 'YYYY-MM-DD'. */
	day: string;
	/** Three letters A–Z. */
	initials: string;
	score: number;
	created_at: string;
}

export interface KioskTables {
	kiosk: KioskTable;
	leaderboard_entry: LeaderboardEntryTable;
}

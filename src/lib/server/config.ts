import { env } from '$env/dynamic/private';
import { DEFAULT_HASH_COST, HASH_COST_RANGE } from './auth/password';

function positiveInt(value: string | undefined, fallback: number): number {
	const n = Number(value);
	return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** Every environment setting the server reads, in one place, with its default. */
export const config = {
	/** The embedded SQLite file; its folder is created on first start. */
	databasePath: env.BYLINE_DATABASE || 'data/byline.db',
	/** The question bank: article copies in `articles/`, question files beside them. */
	questionsDir: env.BYLINE_QUESTIONS || 'questions',
	/** 'open': anyone may create a teacher account; 'invite': only with BYLINE_INVITE_CODE. */
	signup: env.BYLINE_SIGNUP === 'invite' ? ('invite' as const) : ('open' as const),
	inviteCode: env.BYLINE_INVITE_CODE ?? '',
	/** Student names, answers and plays are deleted this many days after they were last active. */
	retentionDays: positiveInt(env.BYLINE_RETENTION_DAYS, 365),
	/** The school's time zone, for assignment open and close times. */
	timeZone: validTimeZone(env.BYLINE_TIME_ZONE) ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
	/** scrypt's cost for new password hashes, as log2 of N (17: N=2^17, about 128 MiB per hash). */
	passwordHashCost: hashCost(env.BYLINE_PASSWORD_HASH_COST),
	/** Tests only: 'settable' lets `POST /testing/clock` move the server's clock forward. */
	testClock: env.BYLINE_TEST_CLOCK === 'settable'
};

function hashCost(value: string | undefined): number {
	if (!value) return DEFAULT_HASH_COST;
	const n = Number(value);
	if (Number.isInteger(n) && n >= HASH_COST_RANGE.min && n <= HASH_COST_RANGE.max) return n;
	throw new Error(
		`BYLINE_PASSWORD_HASH_COST "${value}" is not a whole number from ${HASH_COST_RANGE.min} to ${HASH_COST_RANGE.max} (log2 of scrypt's N; ${DEFAULT_HASH_COST} is recommended).`
	);
}

function validTimeZone(zone: string | undefined): string | null {
	if (!zone) return null;
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone });
		return zone;
	} catch {
		throw new Error(
			`BYLINE_TIME_ZONE "${zone}" is not a time zone name like "Europe/London" or "America/Chicago".`
		);
	}
}

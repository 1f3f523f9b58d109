import { env } from '$env/dynamic/private';
import { DEFAULT_HASH_COST, HASH_COST_RANGE } from './auth/password';

function positiveInt(value: string | undefined, fallback: number): number {
	const n = Number(value);
	return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** `ORIGIN` (read by the Node adapter too): the public URL, which then alone decides origins. */
function publicUrl(value: string | undefined): URL | null {
	if (!value) return null;
	const url = URL.canParse(value) ? new URL(value) : null;
	if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname !== '/')
		throw new Error(
			`ORIGIN "${value}" is not a public address like "https://quiz.example.school" (scheme and host, no path). Leave it unset to accept the address each request was sent to.`
		);
	return url;
}

/** Every environment setting the server reads, in one place, with its default. */
export const config = {
	/**
	 * The store: a `postgres://` URL selects PostgreSQL (several instances may share it); anything
	 * else is the embedded SQLite file, whose folder is created on first start.
	 */
	databasePath: env.BYLINE_DATABASE || 'data/byline.db',
	/** PostgreSQL only: connections each instance keeps in its pool. */
	databasePool: positiveInt(env.BYLINE_DATABASE_POOL, 10),
	/** The question bank: article copies in `articles/`, question files beside them. */
	questionsDir: env.BYLINE_QUESTIONS || 'questions',
	/** 'open': anyone may create a teacher account; 'invite': only with BYLINE_INVITE_CODE. */
	signup: env.BYLINE_SIGNUP === 'invite' ? ('invite' as const) : ('open' as const),
	inviteCode: env.BYLINE_INVITE_CODE ?? '',
	/** Student names, answers and plays are deleted this many days after they were last active. */
	retentionDays: positiveInt(env.BYLINE_RETENTION_DAYS, 365),
	/** The school's time zone, for assignment open and close times. */
	timeZone: validTimeZone(env.BYLINE_TIME_ZONE) ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
	/** The public URL (`ORIGIN`), or null: then each request's own host is Byline's origin. */
	publicUrl: publicUrl(env.ORIGIN),
	/** Set behind a proxy that says which scheme the browser used (the adapter reads it too). */
	protocolHeader: env.PROTOCOL_HEADER ?? '',
	/** Where the Node adapter listens (its own `HOST` and `PORT`), for the start-up message. */
	listenHost: env.HOST ?? '0.0.0.0',
	listenPort: positiveInt(env.PORT, 3000),
	/** scrypt's cost for new password hashes, as log2 of N (17: N=2^17, about 128 MiB per hash). */
	passwordHashCost: hashCost(env.BYLINE_PASSWORD_HASH_COST),
	/** Tests only: 'settable' lets `POST /testing/clock` move the server's clock forward. */
	testClock: env.BYLINE_TEST_CLOCK === 'settable',
	/** Benchmark only: 'on' opens `/testing/floor` and `/testing/floor-action`, the framework's bare form posts. */
	benchFloor: env.BYLINE_BENCH_FLOOR === 'on'
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

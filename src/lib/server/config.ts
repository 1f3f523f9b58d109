import { env } from '$env/dynamic/private';

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
	/** Tests only: 'settable' lets `POST /testing/clock` move the server's clock forward. */
	testClock: env.BYLINE_TEST_CLOCK === 'settable',
	/** Benchmark only: 'on' opens `POST /testing/floor`, the framework's bare form post. */
	benchFloor: env.BYLINE_BENCH_FLOOR === 'on'
};

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

/** The board's day, 'YYYY-MM-DD', in the school's time zone: a board starts afresh at local midnight. */
export function leaderboardDay(now: Date, timeZone: string): string {
	// en-CA formats dates as YYYY-MM-DD.
	return new Intl.DateTimeFormat('en-CA', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(now);
}

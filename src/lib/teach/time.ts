/** Offset of `timeZone` from UTC at the instant `date`, in minutes. */
function offsetMinutes(date: Date, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit'
	}).formatToParts(date);
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	const asUtc = Date.UTC(
		get('year'),
		get('month') - 1,
		get('day'),
		get('hour'),
		get('minute'),
		get('second')
	);
	return Math.round((asUtc - date.getTime()) / 60000);
}

/** A `datetime-local` value ("2026-03-02T09:00"), read as wall-clock time in the school's zone. */
export function wallTimeToDate(value: string, timeZone: string): Date | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
	if (!m) return null;
	const guess = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
	// Date.UTC rolls impossible dates over ("30 February" → 2 March); refuse them instead.
	if (new Date(guess).toISOString().slice(0, 16) !== value) return null;

	const first = guess - offsetMinutes(new Date(guess), timeZone) * 60000;
	// A second pass settles times next to a daylight-saving change.
	return new Date(guess - offsetMinutes(new Date(first), timeZone) * 60000);
}

/** The `datetime-local` value for an instant, in the school's zone. */
export function dateToWallTime(date: Date, timeZone: string): string {
	return new Date(date.getTime() + offsetMinutes(date, timeZone) * 60000)
		.toISOString()
		.slice(0, 16);
}

/** "Tue 3 Mar, 09:00" in the school's zone, for teachers and students. */
export function formatTime(iso: string, timeZone: string): string {
	return new Date(iso).toLocaleString('en-GB', {
		timeZone,
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		hour: '2-digit',
		minute: '2-digit'
	});
}

/** "2026-03-03 09:00:05" in the school's zone: sortable, and read as a date by spreadsheets. */
export function spreadsheetTime(iso: string, timeZone: string): string {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-GB', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
			hourCycle: 'h23'
		})
			.formatToParts(new Date(iso))
			.map((p) => [p.type, p.value])
	);
	return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** 125 seconds as "2:05". */
export function minutesAndSeconds(seconds: number): string {
	return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

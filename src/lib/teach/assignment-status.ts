import { formatTime } from './time';

export interface AssignmentTimes {
	opens_at: string | null;
	closes_at: string | null;
	/** Set when the teacher pressed "Close now". */
	closed_at: string | null;
	/** Set while the assignment's class is archived: closed to students until it is restored. */
	class_archived_at?: string | null;
}

/** True once no more answers count: closed by the teacher, or past its closing time. */
export function assignmentIsOver(a: AssignmentTimes, now: Date): boolean {
	return (
		a.closed_at !== null ||
		(a.class_archived_at ?? null) !== null ||
		(a.closes_at !== null && new Date(a.closes_at) <= now)
	);
}

/** The status line on the teacher's own dashboard, in the teacher's words, not the students'. */
export function teacherStatus(a: AssignmentTimes, now: Date, timeZone: string): string {
	if (a.class_archived_at)
		return 'Closed while its class is archived. Students can no longer join or answer; restore the class to open it again.';
	if (a.closed_at)
		return `Closed by you at ${formatTime(a.closed_at, timeZone)}. Students can no longer join or answer; reopen to let them carry on.`;
	if (a.closes_at && new Date(a.closes_at) <= now)
		return `Closed at ${formatTime(a.closes_at, timeZone)}, as scheduled. Students can no longer join or answer.`;
	if (a.opens_at && new Date(a.opens_at) > now)
		return `Opens at ${formatTime(a.opens_at, timeZone)}. Students can see the join page but cannot start yet.`;
	return 'Open: students can join and answer.';
}

import { describe, expect, it } from 'vitest';
import { assignmentIsOver, teacherStatus } from './assignment-status';

const now = new Date('2026-03-02T10:00:00Z');
const open = { opens_at: null, closes_at: null, closed_at: null };

describe('teacherStatus', () => {
	it('speaks to the teacher, not to the students', () => {
		const closed = { ...open, closed_at: '2026-03-02T09:30:00Z' };
		expect(teacherStatus(closed, now, 'UTC')).toMatch(/^Closed by you at .*09:30/);
		expect(teacherStatus(closed, now, 'UTC')).not.toMatch(/Your teacher/);
		expect(teacherStatus(open, now, 'UTC')).toBe('Open: students can join and answer.');
		expect(teacherStatus({ ...open, closes_at: '2026-03-02T09:00:00Z' }, now, 'UTC')).toMatch(
			/^Closed at .* as scheduled/
		);
		expect(teacherStatus({ ...open, opens_at: '2026-03-02T11:00:00Z' }, now, 'UTC')).toMatch(
			/^Opens at /
		);
	});
});

describe('assignmentIsOver', () => {
	it('is over when closed by hand or past its closing time, not before', () => {
		expect(assignmentIsOver(open, now)).toBe(false);
		expect(assignmentIsOver({ ...open, closed_at: '2026-03-02T09:30:00Z' }, now)).toBe(true);
		expect(assignmentIsOver({ ...open, closes_at: '2026-03-02T10:00:00Z' }, now)).toBe(true);
		expect(assignmentIsOver({ ...open, closes_at: '2026-03-02T10:00:01Z' }, now)).toBe(false);
	});
});

describe('an assignment of an archived class', () => {
	it('is over, and the teacher reads why and how to open it again', () => {
		const archived = {
			opens_at: null,
			closes_at: null,
			closed_at: null,
			class_archived_at: '2026-03-01T00:00:00Z'
		};
		expect(assignmentIsOver(archived, new Date('2026-03-02T00:00:00Z'))).toBe(true);
		expect(teacherStatus(archived, new Date(), 'UTC')).toMatch(/restore the class/);
	});
});

import { describe, expect, it } from 'vitest';
import { assignmentSettingsSchema, settingsFormValues } from './assignment-settings';

/** The form exactly as the new-assignment page posts it when the teacher only types a title. */
const FORM = {
	title: 'Sourcing check',
	instructions: '',
	questionOrder: 'fixed',
	feedback: 'each',
	attempts: '1',
	attemptCounts: 'best',
	opensAt: '',
	closesAt: '',
	timeLimitMinutes: '',
	names: 'typed',
	roster: ''
};

const schema = assignmentSettingsSchema('America/Chicago');

function parse(change: Record<string, string | undefined> = {}) {
	return schema.safeParse({ ...FORM, ...change });
}

/** The messages of a refused form, by field. */
function problems(change: Record<string, string | undefined>): Record<string, string> {
	const result = parse(change);
	if (result.success) throw new Error(`expected the form to be refused: ${JSON.stringify(change)}`);
	return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('assignment settings', () => {
	it('reads the default form: one attempt, no times, no limit, typed names', () => {
		const result = parse();
		expect(result.success && result.data).toEqual({
			title: 'Sourcing check',
			instructions: '',
			questionOrder: 'fixed',
			feedback: 'each',
			reveal: 'question',
			attempts: 1,
			attemptCounts: 'best',
			opensAt: null,
			closesAt: null,
			timeLimitMinutes: null,
			names: 'typed',
			roster: []
		});
	});

	it('trims the title and instructions and refuses an empty title', () => {
		const result = parse({ title: '  Framing  ', instructions: '  Read first. ' });
		expect(result.success && [result.data.title, result.data.instructions]).toEqual([
			'Framing',
			'Read first.'
		]);
		expect(problems({ title: '   ' })).toEqual({ title: 'Give the assignment a title.' });
		expect(problems({ title: 'x'.repeat(121) })).toEqual({
			title: 'Keep the title under 120 characters.'
		});
	});

	it('allows 1 to 10 attempts', () => {
		for (const n of ['1', '2', '10']) {
			const result = parse({ attempts: n });
			expect(result.success && result.data.attempts).toBe(Number(n));
		}
		expect(problems({ attempts: '0' })).toEqual({ attempts: 'Allow at least 1 attempt.' });
		expect(problems({ attempts: '' })).toEqual({ attempts: 'Allow at least 1 attempt.' });
		expect(problems({ attempts: '11' })).toEqual({ attempts: 'Allow at most 10 attempts.' });
		expect(Object.keys(problems({ attempts: '2.5' }))).toEqual(['attempts']);
	});

	it('reads a time limit in whole minutes from 1 to 240, or none', () => {
		const limit = (v: string) => {
			const result = parse({ timeLimitMinutes: v });
			return result.success ? result.data.timeLimitMinutes : 'refused';
		};
		expect(limit('')).toBeNull();
		expect(limit('1')).toBe(1);
		expect(limit(' 30 ')).toBe(30);
		expect(limit('240')).toBe(240);
		expect(problems({ timeLimitMinutes: '0' })).toEqual({
			timeLimitMinutes: 'A time limit is at least 1 minute.'
		});
		expect(problems({ timeLimitMinutes: '241' })).toEqual({
			timeLimitMinutes: 'A time limit is at most 240 minutes.'
		});
		expect(limit('1.5')).toBe('refused');
		expect(limit('abc')).toBe('refused');
	});

	// GAP (assignment-settings.ts:16-33): a fraction or text falls through to zod's generic
	// "Invalid input" (inside the union) or "expected int, received number", which the page shows
	// as is; the teacher is not told what to type.
	it('explains a fractional time limit in words a teacher can act on', () => {
		expect(problems({ timeLimitMinutes: '1.5' }).timeLimitMinutes).toMatch(/minute/);
	});
	it('explains a fractional number of attempts in words a teacher can act on', () => {
		expect(problems({ attempts: '2.5' }).attempts).toMatch(/attempt/);
	});

	it('reads open and close times as wall-clock time in the school’s zone', () => {
		const result = parse({ opensAt: '2026-03-02T09:00', closesAt: '2026-03-02T10:30' });
		expect(result.success && result.data.opensAt?.toISOString()).toBe('2026-03-02T15:00:00.000Z');
		expect(result.success && result.data.closesAt?.toISOString()).toBe('2026-03-02T16:30:00.000Z');
		const london = assignmentSettingsSchema('Europe/London').safeParse({
			...FORM,
			opensAt: '2026-03-02T09:00'
		});
		expect(london.success && london.data.opensAt?.toISOString()).toBe('2026-03-02T09:00:00.000Z');
	});

	it('refuses a close time at or before the open time', () => {
		const message = { closesAt: 'The assignment must close after it opens.' };
		expect(problems({ opensAt: '2026-03-02T09:00', closesAt: '2026-03-02T08:59' })).toEqual(
			message
		);
		expect(problems({ opensAt: '2026-03-02T09:00', closesAt: '2026-03-02T09:00' })).toEqual(
			message
		);
		expect(parse({ opensAt: '2026-03-02T09:00', closesAt: '2026-03-02T09:01' }).success).toBe(true);
		// Only one of the two is fine too.
		expect(parse({ closesAt: '2026-03-02T09:00' }).success).toBe(true);
	});

	it('refuses times that are not a date and a time', () => {
		expect(problems({ opensAt: 'tomorrow' })).toEqual({
			opensAt: 'Enter the opening time as a date and time.'
		});
		expect(problems({ closesAt: '2026-03-02' })).toEqual({
			closesAt: 'Enter the closing time as a date and time.'
		});
	});

	it('needs a class list in roster mode, and tidies it', () => {
		expect(problems({ names: 'roster', roster: '' })).toEqual({
			roster: 'Paste the class list, one name per line, or choose another way to name students.'
		});
		expect(problems({ names: 'roster', roster: ' \r\n \n' })).toHaveProperty('roster');
		const result = parse({
			names: 'roster',
			roster: 'Ama Owusu\r\n\n  Ben   Okafor \nAma Owusu\n' + 'x'.repeat(50)
		});
		expect(result.success && result.data.roster).toEqual([
			'Ama Owusu',
			'Ben Okafor',
			'x'.repeat(40)
		]);
	});

	it('drops a pasted class list unless roster mode is chosen', () => {
		for (const names of ['typed', 'anonymous']) {
			const result = parse({ names, roster: 'Ama\nBen' });
			expect(result.success && result.data.roster).toEqual([]);
		}
	});

	it('refuses values the form does not offer', () => {
		expect(Object.keys(problems({ names: 'everyone' }))).toEqual(['names']);
		expect(Object.keys(problems({ feedback: 'never' }))).toEqual(['feedback']);
		expect(Object.keys(problems({ questionOrder: 'random' }))).toEqual(['questionOrder']);
		expect(Object.keys(problems({ attemptCounts: 'first' }))).toEqual(['attemptCounts']);
	});

	it('reads when answers are revealed, never before the feedback', () => {
		const reveal = (change: Record<string, string | undefined>) => {
			const result = parse(change);
			return result.success ? result.data.reveal : 'refused';
		};
		expect(reveal({ reveal: 'last-attempt', attempts: '2' })).toBe('last-attempt');
		expect(reveal({ reveal: 'closed', feedback: 'end' })).toBe('closed');
		// A form from before the setting: what such assignments did then.
		expect(reveal({ reveal: undefined, feedback: 'end' })).toBe('attempt');
		expect(reveal({ reveal: undefined })).toBe('question');
		expect(reveal({ reveal: 'question', feedback: 'end' })).toBe('attempt');
		expect(Object.keys(problems({ reveal: 'never' }))).toEqual(['reveal']);
	});

	it('reports every field problem at once', () => {
		expect(Object.keys(problems({ title: '', attempts: '0', feedback: 'x' })).sort()).toEqual([
			'attempts',
			'feedback',
			'title'
		]);
	});

	// GAP (assignment-settings.ts:37): the time and roster checks live in .transform(), which zod
	// skips while any field is invalid, so a teacher fixes the title, posts again, and only then
	// hears that the times are wrong.
	it.fails('reports time and roster problems together with field problems', () => {
		expect(
			Object.keys(problems({ title: '', opensAt: 'x', names: 'roster', roster: '' })).sort()
		).toEqual(['opensAt', 'roster', 'title']);
	});
});

describe('the settings form for an assignment already made', () => {
	it('holds the saved settings so that posting it unchanged saves the same settings', () => {
		const result = parse({
			reveal: 'last-attempt',
			attempts: '3',
			opensAt: '2026-03-02T08:30',
			closesAt: '2026-03-09T15:00',
			timeLimitMinutes: '20',
			names: 'roster',
			roster: 'Ama\nBen'
		});
		if (!result.success) throw new Error('refused');
		const values = settingsFormValues(result.data, 'America/Chicago');
		expect(values.opensAt).toBe('2026-03-02T08:30');
		expect(values.roster).toBe('Ama\nBen');
		const again = schema.safeParse(values);
		expect(again.success && again.data).toEqual(result.data);
	});
});

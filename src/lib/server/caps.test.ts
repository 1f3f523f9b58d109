import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { purgeAbandonedFreePlays } from './abandoned-plays';
import { closeApp, createApp, type App } from './app';
import { loadBankOrThrow } from './bank';
import {
	DEFAULT_STUDENTS_PER_ASSIGNMENT,
	KIOSK_BOARD_ENTRIES,
	KIOSK_ROUNDS,
	PLAYS_PER_ADDRESS,
	STUDENTS_PER_ADDRESS,
	countBoardEntry,
	countFreePlay,
	countKioskRound,
	setStudentCap,
	studentCapOf,
	studentCount,
	withStudentSeat
} from './caps';
import { openTestStore } from './db/test-store';

const dir = mkdtempSync(join(tmpdir(), 'byline-caps-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bank = loadBankOrThrow(resolve(import.meta.dirname, '../../../questions'));

const NOW = new Date('2026-03-02T09:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
let app: App;
let n = 0;

beforeEach(async () => {
	app = createApp(bank, await openTestStore(join(dir, `caps-${++n}.db`)));
	return () => closeApp(app);
});

async function assignment(id = 'a'): Promise<void> {
	const at = NOW.toISOString();
	await app.store
		.insertInto('teacher')
		.values({ id: 't', email: 't@x.org', display_name: 'T', password_hash: 'x', created_at: at })
		.onConflict((c) => c.doNothing())
		.execute();
	await app.store
		.insertInto('class')
		.values({ id: 'c', teacher_id: 't', name: 'C', created_at: at })
		.onConflict((c) => c.doNothing())
		.execute();
	await app.store
		.insertInto('assignment')
		.values({
			id,
			class_id: 'c',
			title: 'A',
			instructions: '',
			question_ids: '[]',
			question_order: 'fixed',
			feedback: 'each',
			attempts: 1,
			attempt_counts: 'best',
			join_code: `ACDEF${id.toUpperCase()}`,
			names: 'typed',
			roster: '[]',
			created_at: at
		})
		.execute();
}

/** Joins as the real join would: one student row. */
function addStudent(assignmentId: string) {
	return app.store
		.insertInto('student')
		.values({
			id: randomBytes(16).toString('base64url'),
			assignment_id: assignmentId,
			display_name: `Sam ${randomBytes(4).toString('hex')}`,
			created_at: NOW.toISOString(),
			last_active_at: NOW.toISOString()
		})
		.execute();
}

describe('counted caps', () => {
	const cases = [
		['free plays per address', PLAYS_PER_ADDRESS, countFreePlay, /quizzes have been started/],
		['kiosk rounds', KIOSK_ROUNDS, countKioskRound, /started a lot of rounds/],
		['board entries', KIOSK_BOARD_ENTRIES, countBoardEntry, /taken a lot of scores/]
	] as const;
	for (const [what, limit, count, message] of cases) {
		it(`${what}: ${limit.max} in a window, then a message that says how long to wait`, async () => {
			const results = await Promise.all(
				Array.from({ length: limit.max + 5 }, () => count(app, 'k1', NOW))
			);
			expect(results.filter((r) => r.ok)).toHaveLength(limit.max);
			const refused = results.find((r) => !r.ok);
			expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(message) });
			expect(refused && !refused.ok && refused.message).toMatch(/Wait \d+ minutes?/);
			// Another address or kiosk is not held up, and the window ends.
			expect(await count(app, 'k2', NOW)).toEqual({ ok: true });
			const after = new Date(NOW.getTime() + limit.windowSeconds * 1000);
			expect(await count(app, 'k1', after)).toEqual({ ok: true });
		});
	}
});

describe('students per assignment', () => {
	it('a parallel burst of joins stops exactly at the cap, which the teacher can raise', async () => {
		await assignment();
		expect(await studentCapOf(app, 'a')).toBe(DEFAULT_STUDENTS_PER_ASSIGNMENT);
		expect(await setStudentCap(app, 'a', '5')).toEqual({ ok: true, cap: 5 });
		const joins = await Promise.all(
			Array.from({ length: 12 }, (_, i) =>
				withStudentSeat(app, 'a', `10.0.0.${i}`, NOW, () => addStudent('a'))
			)
		);
		expect(joins.filter((j) => j.ok)).toHaveLength(5);
		expect(joins.find((j) => !j.ok)).toEqual({
			ok: false,
			message: 'This assignment is full: 5 students have joined. Ask your teacher to allow more.'
		});
		expect(await studentCount(app, 'a')).toBe(5);
		await setStudentCap(app, 'a', '6');
		expect(await withStudentSeat(app, 'a', '10.0.0.1', NOW, () => addStudent('a'))).toMatchObject({
			ok: true
		});
		expect(await studentCount(app, 'a')).toBe(6);
	});

	it('refuses caps that are not whole numbers in range, and keeps the old one', async () => {
		await assignment();
		for (const input of ['', '0', '-3', '2.5', 'many', '2001', '1e3x'])
			expect(await setStudentCap(app, 'a', input), input).toMatchObject({
				ok: false,
				message: expect.stringMatching(/^Allow a whole number of students from 1 to 2000/)
			});
		expect(await studentCapOf(app, 'a')).toBe(DEFAULT_STUDENTS_PER_ASSIGNMENT);
	});

	it('new students from one address are capped across assignments', async () => {
		await assignment('a');
		await assignment('b');
		await setStudentCap(app, 'a', '2000');
		await setStudentCap(app, 'b', '2000');
		for (let i = 0; i < STUDENTS_PER_ADDRESS.max; i++)
			await withStudentSeat(app, i % 2 ? 'a' : 'b', '10.0.0.1', NOW, () =>
				addStudent(i % 2 ? 'a' : 'b')
			);
		const refused = await withStudentSeat(app, 'a', '10.0.0.1', NOW, () => addStudent('a'));
		expect(refused).toMatchObject({
			ok: false,
			message: expect.stringMatching(/^Many students have joined from this network/)
		});
		expect(await withStudentSeat(app, 'a', '10.0.0.2', NOW, () => addStudent('a'))).toMatchObject({
			ok: true
		});
	});

	it('a join that fails frees the assignment for the next one', async () => {
		await assignment();
		const failed = withStudentSeat(app, 'a', '10.0.0.1', NOW, () =>
			Promise.reject(new Error('broken'))
		);
		await expect(failed).rejects.toThrow('broken');
		expect(await withStudentSeat(app, 'a', '10.0.0.1', NOW, () => addStudent('a'))).toMatchObject({
			ok: true
		});
	});
});

describe('purgeAbandonedFreePlays', () => {
	async function play(id: string, created: Date, change: Record<string, unknown> = {}) {
		await app.store
			.insertInto('play')
			.values({
				id,
				quiz_id: 'mixed',
				question_ids: JSON.stringify(['q1', 'q2']),
				seed: 's',
				created_at: created.toISOString(),
				finished_at: null,
				student_id: null,
				attempt: null,
				deadline_at: null,
				...change
			})
			.execute();
	}
	async function answer(playId: string, position: number, at: Date) {
		await app.store
			.insertInto('answer')
			.values({
				play_id: playId,
				position,
				question_id: `q${position + 1}`,
				response: '{}',
				credit: 1,
				points: 100,
				streak: 0,
				answered_at: at.toISOString()
			})
			.execute();
	}

	it('deletes free plays left unfinished for a week, and nothing else', async () => {
		const old = new Date(NOW.getTime() - 8 * DAY);
		await play('abandoned', old);
		await play('half-done-long-ago', old);
		await answer('half-done-long-ago', 0, old);
		await play('answered-yesterday', old);
		await answer('answered-yesterday', 0, new Date(NOW.getTime() - DAY));
		await play('all-answered', old);
		await answer('all-answered', 0, old);
		await answer('all-answered', 1, old);
		await play('finished', old, { finished_at: old.toISOString() });
		await play('recent', new Date(NOW.getTime() - 6 * DAY));
		await assignment();
		await play('assignment-play', old, { quiz_id: 'assignment', assignment_id: 'a' });
		expect(await purgeAbandonedFreePlays(app, NOW)).toBe(2);
		const left = await app.store.selectFrom('play').select('id').orderBy('id').execute();
		expect(left.map((p) => p.id)).toEqual([
			'all-answered',
			'answered-yesterday',
			'assignment-play',
			'finished',
			'recent'
		]);
		// The deleted plays' answers went with them.
		const answers = await app.store.selectFrom('answer').select('play_id').execute();
		expect(answers.map((a) => a.play_id)).not.toContain('half-done-long-ago');
	});
});

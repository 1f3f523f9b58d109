import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './connection';
import { copyStore, nonEmptyTables } from './copy';
import { freshPostgresDatabase, postgresServer } from './test-store';

const dir = mkdtempSync(join(tmpdir(), 'byline-copy-'));
const opened: Store[] = [];
afterEach(async () => {
	for (const store of opened.splice(0)) await store.destroy();
});

async function open(location: string): Promise<Store> {
	const store = await openStore(location);
	opened.push(store);
	return store;
}

const at = '2026-03-02T10:00:00.000Z';

/** A small school: a teacher with a session, a class, an assignment, a student with an answer, a kiosk. */
async function fill(store: Store): Promise<void> {
	await store
		.insertInto('teacher')
		.values({ id: 't', email: 't@x.org', display_name: 'T', password_hash: 'h', created_at: at })
		.execute();
	await store
		.insertInto('teacher_session')
		.values({ id: 's', teacher_id: 't', created_at: at, expires_at: at })
		.execute();
	await store.insertInto('rate_limit').values({ key: 'k', window_start: at, hits: 3 }).execute();
	await store
		.insertInto('class')
		.values({ id: 'c', teacher_id: 't', name: 'Year 9', created_at: at })
		.execute();
	await store
		.insertInto('assignment')
		.values({
			id: 'a',
			class_id: 'c',
			title: 'Sources',
			instructions: 'Read first',
			question_ids: '["q1","q2"]',
			question_order: 'fixed',
			feedback: 'each',
			attempts: 1,
			attempt_counts: 'best',
			opens_at: null,
			closes_at: null,
			time_limit_minutes: 20,
			join_code: 'ACDEFH',
			names: 'typed',
			roster: '[]',
			closed_at: null,
			created_at: at
		})
		.execute();
	await store
		.insertInto('student')
		.values({
			id: 'st',
			assignment_id: 'a',
			display_name: 'Ana',
			created_at: at,
			last_active_at: at
		})
		.execute();
	await store
		.insertInto('play')
		.values({
			id: 'p',
			quiz_id: 'assignment',
			assignment_id: 'a',
			kiosk_id: null,
			question_ids: '["q1","q2"]',
			seed: 'seed',
			created_at: at,
			finished_at: null,
			student_id: 'st',
			attempt: 1,
			deadline_at: null,
			feedback: 'each'
		})
		.execute();
	await store
		.insertInto('answer')
		.values({
			play_id: 'p',
			position: 0,
			question_id: 'q1',
			response: '{"choice":"B"}',
			credit: 1 / 3,
			points: 120,
			streak: 1,
			answered_at: at,
			grade: '{"credit":0.333}'
		})
		.execute();
	await store
		.insertInto('kiosk')
		.values({
			id: 'k',
			teacher_id: 't',
			title: 'Library',
			token_hash: 'th',
			quiz_ids: '["mixed"]',
			round_size: 5,
			idle_seconds: 60,
			leaderboard: 1,
			revoked_at: null,
			created_at: at
		})
		.execute();
	await store
		.insertInto('leaderboard_entry')
		.values({
			id: 'l',
			kiosk_id: 'k',
			play_id: 'gone',
			day: '2026-03-02',
			initials: 'ABC',
			score: 900,
			created_at: at
		})
		.execute();
}

/** Every row of every table, for comparing two stores. */
async function everything(store: Store): Promise<Record<string, unknown[]>> {
	const tables = (await store.introspection.getTables()).map((t) => t.name).sort();
	const all: Record<string, unknown[]> = {};
	for (const table of tables) {
		const { rows } = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)}`.execute(
			store
		);
		all[table] = rows
			.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).sort())))
			.sort();
	}
	return all;
}

describe('copying a store', () => {
	it('copies every table into an empty SQLite file, row for row', async () => {
		const from = await open(join(dir, 'from.db'));
		await fill(from);
		const to = await open(join(dir, 'to.db'));
		const copied = await copyStore(from, to);
		expect(copied.find((c) => c.table === 'answer')?.rows).toBe(1);
		// Parents before children: the teacher before the class, the play before its answer.
		const order = copied.map((c) => c.table);
		expect(order.indexOf('teacher')).toBeLessThan(order.indexOf('class'));
		expect(order.indexOf('play')).toBeLessThan(order.indexOf('answer'));
		expect(await everything(to)).toEqual(await everything(from));
	});

	it('says which tables hold data, so a full target is refused', async () => {
		const store = await open(join(dir, 'full.db'));
		expect(await nonEmptyTables(store)).toEqual([]);
		await fill(store);
		expect(await nonEmptyTables(store)).toContain('answer');
	});

	it.runIf(postgresServer)('goes from SQLite to PostgreSQL and back unchanged', async () => {
		const sqlite = await open(join(dir, 'school.db'));
		await fill(sqlite);
		const postgres = await open(await freshPostgresDatabase());
		await copyStore(sqlite, postgres);
		const back = await open(join(dir, 'back.db'));
		await copyStore(postgres, back);
		expect(await everything(back)).toEqual(await everything(sqlite));
		expect(await nonEmptyTables(postgres)).toContain('answer');
	});
});

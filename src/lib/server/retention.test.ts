import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeApp, createApp, type App } from './app';
import { loadBankOrThrow } from './bank';
import { openTestStore } from './db/test-store';
import { purgeExpiredData } from './retention';

const dir = mkdtempSync(join(tmpdir(), 'byline-retention-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function seed(app: App, studentActive: string, playCreated: string) {
	await app.store
		.insertInto('teacher')
		.values({
			id: 't',
			email: 't@x.org',
			display_name: 'T',
			password_hash: 'x',
			created_at: studentActive
		})
		.execute();
	await app.store
		.insertInto('class')
		.values({ id: 'c', teacher_id: 't', name: 'C', created_at: studentActive })
		.execute();
	await app.store
		.insertInto('assignment')
		.values({
			id: 'a',
			class_id: 'c',
			title: 'A',
			instructions: '',
			question_ids: '[]',
			question_order: 'fixed',
			feedback: 'each',
			attempts: 1,
			attempt_counts: 'best',
			join_code: 'ACDEFH',
			names: 'typed',
			roster: '[]',
			created_at: studentActive
		})
		.execute();
	await app.store
		.insertInto('student')
		.values({
			id: 's',
			assignment_id: 'a',
			display_name: 'Sam',
			created_at: studentActive,
			last_active_at: studentActive
		})
		.execute();
	await app.store
		.insertInto('play')
		.values({
			id: 'ps',
			quiz_id: 'assignment',
			assignment_id: 'a',
			kiosk_id: null,
			question_ids: '[]',
			seed: 'x',
			created_at: studentActive,
			finished_at: null,
			student_id: 's'
		})
		.execute();
	await app.store
		.insertInto('play')
		.values({
			id: 'pf',
			quiz_id: 'mixed',
			assignment_id: null,
			kiosk_id: null,
			question_ids: '[]',
			seed: 'x',
			created_at: playCreated,
			finished_at: null
		})
		.execute();
}

describe('purgeExpiredData', () => {
	const bank = loadBankOrThrow(resolve(import.meta.dirname, '../../../questions'));

	it('keeps data younger than the retention period', async () => {
		const app = createApp(bank, await openTestStore(join(dir, 'young.db')));
		await seed(app, '2026-01-10T00:00:00.000Z', '2026-01-10T00:00:00.000Z');
		expect(await purgeExpiredData(app, 30, new Date('2026-02-01T00:00:00Z'))).toEqual({
			students: 0,
			plays: 0
		});
		expect(await app.store.selectFrom('play').select('id').execute()).toHaveLength(2);
		await closeApp(app);
	});

	it('deletes students, their plays and old free plays past the retention period', async () => {
		const app = createApp(bank, await openTestStore(join(dir, 'old.db')));
		await seed(app, '2025-01-10T00:00:00.000Z', '2025-01-10T00:00:00.000Z');
		expect(await purgeExpiredData(app, 30, new Date('2026-02-01T00:00:00Z'))).toEqual({
			students: 1,
			plays: 1
		});
		expect(await app.store.selectFrom('student').select('id').execute()).toEqual([]);
		// The student's own play went with them (foreign keys cascade).
		expect(await app.store.selectFrom('play').select('id').execute()).toEqual([]);
		// The assignment itself stays: only student data expires.
		expect(await app.store.selectFrom('assignment').select('id').execute()).toHaveLength(1);
		await closeApp(app);
	});
});

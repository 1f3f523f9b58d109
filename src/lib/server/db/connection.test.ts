import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inTransaction, openStore, type Store } from './connection';

let dir: string;
let path: string;
let store: Store;

beforeEach(async () => {
	dir = mkdtempSync(join(tmpdir(), 'byline-connection-'));
	path = join(dir, 'byline.db');
	store = await openStore(path);
});

afterEach(async () => {
	await store.destroy();
	rmSync(dir, { recursive: true, force: true });
});

describe('transactions on a SQLite file', () => {
	it('hold the write lock from their start, so a write by another connection waits its turn', async () => {
		const other = new BetterSqlite3(path, { timeout: 0 });
		try {
			const addRun = other.prepare(
				"INSERT INTO job_run (job, slot, instance, ran_at) VALUES ('other', 'x', 'b', '2026-01-01')"
			);
			let othersWrite = '';
			await inTransaction(store, async (trx) => {
				await sql`SELECT count(*) FROM job_run`.execute(trx);
				try {
					addRun.run();
					othersWrite = 'went in';
				} catch (error) {
					othersWrite = (error as { code?: string }).code ?? 'failed';
				}
				// Had the other write gone in after this transaction's read, this write would fail.
				await sql`INSERT INTO job_run (job, slot, instance, ran_at) VALUES ('mine', 'x', 'a', '2026-01-01')`.execute(
					trx
				);
			});
			expect(othersWrite).toBe('SQLITE_BUSY');
			addRun.run();
			expect(other.prepare('SELECT job FROM job_run ORDER BY job').pluck().all()).toEqual([
				'mine',
				'other'
			]);
		} finally {
			other.close();
		}
	});
});

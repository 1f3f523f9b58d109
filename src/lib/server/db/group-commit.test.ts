import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite } from './connection';
import { GroupCommit } from './group-commit';
import { WalSync, type LogSync } from './log-sync';

let dir: string;
let path: string;
let sqlite: BetterSqlite3.Database;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'byline-group-commit-'));
	path = join(dir, 'byline.db');
	sqlite = openSqlite(path);
	sqlite.exec('CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)');
});

afterEach(() => {
	sqlite.close();
	rmSync(dir, { recursive: true, force: true });
});

const insert = (name: string) => () =>
	sqlite.prepare('INSERT INTO item (name) VALUES (?)').run(name).changes;

function namesOnDisk(): string[] {
	// Another connection sees only what was committed.
	const other = new BetterSqlite3(path, { readonly: true });
	try {
		return (other.prepare('SELECT name FROM item ORDER BY name').all() as { name: string }[]).map(
			(r) => r.name
		);
	} finally {
		other.close();
	}
}

describe('group commit', () => {
	it('commits work that arrives together in one transaction', async () => {
		const commits = new GroupCommit(sqlite);
		const names = Array.from({ length: 100 }, (_, i) => `n${String(i).padStart(3, '0')}`);
		const results = await Promise.all(names.map((n) => commits.run(insert(n))));
		expect(results).toEqual(names.map(() => 1));
		expect(commits.batches).toBe(1);
		expect(namesOnDisk()).toEqual(names);
	});

	it('answers each caller only once its batch is committed', async () => {
		const commits = new GroupCommit(sqlite);
		const seen = await commits.run(insert('a')).then(() => ({
			open: sqlite.inTransaction,
			disk: namesOnDisk()
		}));
		expect(seen).toEqual({ open: false, disk: ['a'] });
	});

	it('rolls back only the job that failed', async () => {
		const commits = new GroupCommit(sqlite);
		const outcomes = await Promise.allSettled([
			commits.run(insert('a')),
			commits.run(() => {
				insert('b')();
				insert('a')(); // breaks the unique name: this job's own insert of b goes too
			}),
			commits.run(insert('c'))
		]);
		expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
		expect(commits.batches).toBe(1);
		expect(namesOnDisk()).toEqual(['a', 'c']);
	});

	it('splits a burst larger than one batch', async () => {
		const commits = new GroupCommit(sqlite, 10);
		await Promise.all(Array.from({ length: 25 }, (_, i) => commits.run(insert(`n${i}`))));
		expect(commits.batches).toBe(3);
		expect(namesOnDisk()).toHaveLength(25);
	});

	it('waits for another transaction on the connection to end', async () => {
		const commits = new GroupCommit(sqlite);
		sqlite.exec('BEGIN');
		const done = commits.run(insert('a'));
		await new Promise((resolve) => setImmediate(resolve));
		expect(namesOnDisk()).toEqual([]);
		sqlite.exec('COMMIT');
		await done;
		expect(namesOnDisk()).toEqual(['a']);
	});

	it('answers callers only once the log flush after their commit has returned', async () => {
		const flushes: ((error: Error | null) => void)[] = [];
		const log: LogSync = { deferred: true, sync: (done) => flushes.push(done), close: () => {} };
		const commits = new GroupCommit(sqlite, 512, log);
		let answered = false;
		const done = commits.run(insert('a')).then(() => (answered = true));
		await new Promise((resolve) => setTimeout(resolve, 20));
		// Committed (other connections see it) but not yet known to be on disk: nobody is told.
		expect(namesOnDisk()).toEqual(['a']);
		expect(answered).toBe(false);
		expect(flushes).toHaveLength(1);
		flushes[0](null);
		await done;
		expect(answered).toBe(true);
	});

	it('tells its callers when the flush fails, rather than acknowledging', async () => {
		const log: LogSync = {
			deferred: true,
			sync: (done) => done(new Error('disk full')),
			close: () => {}
		};
		const commits = new GroupCommit(sqlite, 512, log);
		await expect(commits.run(insert('a'))).rejects.toThrow('disk full');
	});

	it('puts the connection back to synchronous=FULL for every other write', async () => {
		const log: LogSync = { deferred: true, sync: (done) => done(null), close: () => {} };
		const commits = new GroupCommit(sqlite, 512, log);
		await commits.run(insert('a'));
		expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
		await expect(commits.run(insert('a'))).rejects.toThrow(/UNIQUE/);
		expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
	});
});

describe('the log flush', () => {
	it('flushes the real log and lets callers that came during a flush wait for the next', async () => {
		sqlite.prepare('INSERT INTO item (name) VALUES (?)').run('a');
		const log = new WalSync(`${path}-wal`);
		const outcomes = await Promise.all(
			[1, 2, 3].map(() => new Promise((resolve) => log.sync((error) => resolve(error))))
		);
		expect(outcomes).toEqual([null, null, null]);
		// The first caller started a flush; the two that came while it ran shared the next one.
		expect(log.flushes).toBe(2);
		log.close();
	});

	it('reports a log that cannot be opened instead of pretending it flushed', async () => {
		const log = new WalSync(join(dir, 'missing', 'byline.db-wal'));
		const error = await new Promise((resolve) => log.sync(resolve));
		expect(error).toBeInstanceOf(Error);
	});
});

import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite } from './connection';
import { GroupCommit } from './group-commit';

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
});

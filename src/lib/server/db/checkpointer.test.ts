import type BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LogCheckpointer } from './checkpointer';
import { openSqlite } from './connection';

let dir: string;
let path: string;
let sqlite: BetterSqlite3.Database;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'byline-checkpointer-'));
	path = join(dir, 'byline.db');
	sqlite = openSqlite(path);
	sqlite.exec('CREATE TABLE item (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
});

afterEach(() => {
	if (sqlite.open) sqlite.close();
	rmSync(dir, { recursive: true, force: true });
});

/** About 4 MB of rows, committed in `commits` transactions: well past 1,000 pages of log. */
function writeMuch(commits = 40) {
	const insert = sqlite.prepare('INSERT INTO item (body) VALUES (?)');
	const many = sqlite.transaction(() => {
		for (let i = 0; i < 25; i++) insert.run('x'.repeat(4000));
	});
	for (let i = 0; i < commits; i++) many();
}

async function until(done: () => boolean, what: string) {
	for (let waited = 0; !done(); waited += 20) {
		if (waited > 20_000) throw new Error(`still waiting for ${what}`);
		await new Promise((next) => setTimeout(next, 20));
	}
}

const autocheckpoint = () => sqlite.pragma('wal_autocheckpoint', { simple: true });

describe('checkpoints on a thread of their own', () => {
	it('copies the log into the file while the connection makes none itself', async () => {
		const checkpointer = new LogCheckpointer(sqlite, 20);
		expect(autocheckpoint()).toBe(0);
		const before = statSync(path).size;
		writeMuch();
		await until(() => checkpointer.checkpoints > 0, 'a checkpoint');
		// The rows reached the file itself, not only its log.
		await until(() => statSync(path).size > before + 3_000_000, 'the file to grow');
		await checkpointer.close();
	});

	it('leaves the log alone without the thread (what the test above proves is its work)', async () => {
		sqlite.pragma('wal_autocheckpoint = 0');
		const before = statSync(path).size;
		writeMuch();
		await new Promise((next) => setTimeout(next, 300));
		expect(statSync(path).size).toBe(before);
	});

	it('turns the connection’s own checkpoints on again when the thread cannot run', async () => {
		// The file is unlinked under the open connection, so the thread finds none to open.
		rmSync(path);
		new LogCheckpointer(sqlite, 20);
		expect(autocheckpoint()).toBe(0);
		await until(() => autocheckpoint() === 1000, 'automatic checkpoints');
	});
});

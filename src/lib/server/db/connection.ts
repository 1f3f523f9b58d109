import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, Migrator, SqliteDialect, type Migration, type MigrationProvider } from 'kysely';
import { GroupCommit } from './group-commit';
import { migrations } from './migrations/index';
import type { Database } from './schema';

export type Store = Kysely<Database>;

interface Connection {
	sqlite: BetterSqlite3.Database;
	prepared: Map<string, BetterSqlite3.Statement>;
	commits: GroupCommit;
}

/** The SQLite connection under each store: for the statements of the answer path and group commit. */
const connections = new WeakMap<Store, Connection>();

function connectionOf(store: Store): Connection {
	const connection = connections.get(store);
	if (!connection) throw new Error('This store was not opened with storeOver().');
	return connection;
}

/** A prepared statement on the store's connection, prepared once per SQL text. */
export function statement(store: Store, query: string): BetterSqlite3.Statement {
	const { sqlite, prepared } = connectionOf(store);
	let found = prepared.get(query);
	if (!found) {
		found = sqlite.prepare(query);
		prepared.set(query, found);
	}
	return found;
}

/**
 * Runs `work` (synchronous statements only) in the store's next group commit; resolves once the
 * transaction it ran in is durable.
 */
export function inGroupCommit<T>(store: Store, work: () => T): Promise<T> {
	return connectionOf(store).commits.run(work);
}

/**
 * Opens the SQLite file for durable writes: WAL with synchronous=FULL, so an answer the browser has
 * been told about survives a power cut (group commits flush the log themselves, off the event
 * loop: `group-commit.ts`); the WAL is checkpointed automatically and truncated after.
 */
export function openSqlite(path: string): BetterSqlite3.Database {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const db = new BetterSqlite3(path);
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = FULL');
	db.pragma('foreign_keys = ON');
	db.pragma('busy_timeout = 5000');
	db.pragma('wal_autocheckpoint = 1000');
	db.pragma('journal_size_limit = 8388608');
	return db;
}

/** Kysely over a connection whose prepared statements are reused, keyed by their SQL. */
export function storeOver(sqlite: BetterSqlite3.Database): Store {
	const prepared = new Map<string, BetterSqlite3.Statement>();
	const commits = new GroupCommit(sqlite);
	const database = {
		close: () => {
			commits.close();
			sqlite.close();
		},
		prepare(query: string) {
			let found = prepared.get(query);
			if (!found) {
				found = sqlite.prepare(query);
				prepared.set(query, found);
			}
			return found;
		}
	};
	const store = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
	connections.set(store, { sqlite, prepared, commits });
	return store;
}

export async function migrate(store: Store): Promise<void> {
	const provider: MigrationProvider = {
		getMigrations: async (): Promise<Record<string, Migration>> => migrations
	};
	const { error } = await new Migrator({ db: store, provider }).migrateToLatest();
	if (error) throw error;
}

export async function openStore(path: string): Promise<Store> {
	const store = storeOver(openSqlite(path));
	await migrate(store);
	return store;
}

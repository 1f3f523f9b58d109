import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, Migrator, SqliteDialect, type Migration, type MigrationProvider } from 'kysely';
import { migrations } from './migrations/index';
import type { Database } from './schema';

export type Store = Kysely<Database>;

/**
 * Opens the SQLite file for durable writes: WAL with synchronous=FULL, so an answer the browser has
 * been told about survives a power cut; the WAL is checkpointed automatically and truncated after.
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
	const database = {
		close: () => sqlite.close(),
		prepare(query: string) {
			let statement = prepared.get(query);
			if (!statement) {
				statement = sqlite.prepare(query);
				prepared.set(query, statement);
			}
			return statement;
		}
	};
	return new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
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

import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
	CompiledQuery,
	Kysely,
	Migrator,
	PostgresAdapter,
	PostgresDialect,
	SqliteDialect,
	SqliteDriver,
	sql,
	type DatabaseConnection,
	type Driver,
	type Migration,
	type MigrationProvider,
	type SqliteDialectConfig
} from 'kysely';
import pg from 'pg';
import { AnswerThread } from './answer-thread';
import { LogCheckpointer } from './checkpointer';
import { GroupCommit } from './group-commit';
import { hasLogFile } from './log-sync';
import { migrations } from './migrations/index';
import type { Database } from './schema';

export type Store = Kysely<Database>;

/** Which database a store runs on: the embedded SQLite file, or a PostgreSQL server. */
export type StoreKind = 'sqlite' | 'postgres';

interface SqliteConnection {
	kind: 'sqlite';
	sqlite: BetterSqlite3.Database;
	prepared: Map<string, BetterSqlite3.Statement>;
	commits: GroupCommit;
	/** On a file: the thread that reads plays and stores answers, while it runs; else null. */
	answers(): AnswerThread | null;
}

interface PostgresConnection {
	kind: 'postgres';
	pool: pg.Pool;
	url: string;
}

/** What lies under each store: SQLite's connection (answer path, group commit) or PostgreSQL's pool. */
const connections = new WeakMap<Store, SqliteConnection | PostgresConnection>();

function connectionOf(store: Store): SqliteConnection | PostgresConnection {
	const connection = connections.get(store);
	if (connection) return connection;
	throw new Error('This store was not opened with openStore(), storeOver() or postgresStore().');
}

function sqliteOf(store: Store): SqliteConnection {
	const connection = connectionOf(store);
	if (connection.kind !== 'sqlite')
		throw new Error(
			'Synchronous statements run only on SQLite; use the async query on PostgreSQL.'
		);
	return connection;
}

/** Which database `store` runs on; a transaction is asked through its adapter. */
export function storeKind(store: Store): StoreKind {
	return store.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** The PostgreSQL pool under a store, for the event bus's listening client; null on SQLite. */
export function postgresUrlOf(store: Store): string | null {
	const connection = connectionOf(store);
	return connection.kind === 'postgres' ? connection.url : null;
}

/**
 * PostgreSQL: runs `text` as the statement `name`, which each pooled connection parses and plans
 * once and then reuses (the answer path's two statements, run thousands of times a minute).
 */
export async function preparedQuery<Row>(
	store: Store,
	name: string,
	text: string,
	values: unknown[]
): Promise<Row[]> {
	const connection = connectionOf(store);
	if (connection.kind !== 'postgres') throw new Error('Named statements run only on PostgreSQL.');
	return (await connection.pool.query<Row & pg.QueryResultRow>({ name, text, values })).rows;
}

/** True when `location` names a PostgreSQL server rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
	return /^postgres(ql)?:\/\//i.test(location);
}

/** A prepared statement on the store's SQLite connection, prepared once per SQL text. */
export function statement(store: Store, query: string): BetterSqlite3.Statement {
	const { sqlite, prepared } = sqliteOf(store);
	let found = prepared.get(query);
	if (!found) {
		found = sqlite.prepare(query);
		prepared.set(query, found);
	}
	return found;
}

/**
 * Runs `work` (synchronous statements only) in the store's next group commit; resolves once the
 * transaction it ran in is durable. SQLite only: on PostgreSQL each answer is its own transaction
 * and the server's own group commit (commit_delay) shares the fsyncs.
 */
export function inGroupCommit<T>(store: Store, work: () => T): Promise<T> {
	return sqliteOf(store).commits.run(work);
}

/** The thread that stores answers on a SQLite file, while it runs; null otherwise. */
export function answerThreadOf(store: Store): AnswerThread | null {
	const connection = connectionOf(store);
	return connection.kind === 'sqlite' ? connection.answers() : null;
}

/** Runs `work` in one transaction on the store; resolves once it is committed. */
export function inTransaction<T>(store: Store, work: (trx: Store) => Promise<T>): Promise<T> {
	return store.transaction().execute(work);
}

/**
 * Runs `work` while holding a lock named `key` across every instance: a transaction-scoped
 * advisory lock on PostgreSQL. On SQLite one process serves the file and the callers keep their
 * own in-process order, so `work` simply runs.
 */
export async function withStoreLock<T>(
	store: Store,
	key: string,
	work: (trx: Store) => Promise<T>
): Promise<T> {
	if (storeKind(store) === 'sqlite') return work(store);
	return store.transaction().execute(async (trx) => {
		await sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
		return work(trx);
	});
}

/**
 * Inside a transaction: takes the locks named `keys` until it ends (PostgreSQL, in one order so
 * two transactions never wait on each other). SQLite runs one transaction at a time already.
 */
export async function lockKeys(trx: Store, keys: readonly string[]): Promise<void> {
	if (storeKind(trx) === 'sqlite') return;
	for (const key of [...new Set(keys)].sort())
		await sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}

/**
 * Runs `work` unless another instance is running the job named `key` right now (PostgreSQL's
 * advisory lock, tried without waiting); returns null when skipped. On SQLite it always runs.
 */
export async function unlessRunningElsewhere<T>(
	store: Store,
	key: string,
	work: () => Promise<T>
): Promise<T | null> {
	if (storeKind(store) === 'sqlite') return work();
	return store.transaction().execute(async (trx) => {
		const { rows } = await sql<{
			got: boolean;
		}>`SELECT pg_try_advisory_xact_lock(hashtext(${key})) AS got`.execute(trx);
		return rows[0]?.got ? work() : null;
	});
}

/**
 * Opens the SQLite file for durable writes: WAL with synchronous=FULL, so an answer the browser has
 * been told about survives a power cut (group commits flush the log themselves, off the event
 * loop: `group-commit.ts`); the WAL is checkpointed automatically and truncated after (by a thread of
 * its own once the store is opened with `storeOver`: `checkpointer.ts`).
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

/**
 * Transactions begin IMMEDIATE, taking the write lock before their first read. When another
 * connection commits to the same file (another process, or a thread of this one), a transaction
 * that had read before that commit would otherwise fail at its first write instead of waiting
 * for its turn.
 */
class WriteFirstDriver extends SqliteDriver {
	constructor(
		settings: SqliteDialectConfig,
		private readonly closeAll: () => Promise<void>
	) {
		super(settings);
	}

	override async beginTransaction(connection: DatabaseConnection): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw('begin immediate'));
	}

	/** Waits for the store's threads to end too (Kysely's own driver does not wait for `close`). */
	override async destroy(): Promise<void> {
		await this.closeAll();
	}
}

class WriteFirstDialect extends SqliteDialect {
	constructor(
		private readonly settings: SqliteDialectConfig,
		private readonly closeAll: () => Promise<void>
	) {
		super(settings);
	}

	override createDriver(): Driver {
		return new WriteFirstDriver(this.settings, this.closeAll);
	}
}

/** Kysely over a connection whose prepared statements are reused, keyed by their SQL. */
export function storeOver(sqlite: BetterSqlite3.Database): Store {
	const prepared = new Map<string, BetterSqlite3.Statement>();
	const commits = new GroupCommit(sqlite);
	// A file has threads of its own, started with the first answer (a store that takes none, such
	// as a command's, has none): one reads plays and stores answers, one checkpoints the log.
	const onFile = hasLogFile(sqlite);
	let answerThread: AnswerThread | null = null;
	let checkpoints: LogCheckpointer | null = null;
	let closing = false;
	const answers = () => {
		if (!onFile || closing) return null;
		if (!answerThread) {
			checkpoints = new LogCheckpointer(sqlite);
			answerThread = new AnswerThread(sqlite.name);
		}
		return answerThread.running ? answerThread : null;
	};
	const database = {
		// The threads end first, so that no connection of theirs outlives the store.
		close: async () => {
			closing = true;
			await Promise.all([checkpoints?.close(), answerThread?.close()]);
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
	const store = new Kysely<Database>({
		dialect: new WriteFirstDialect({ database }, database.close)
	});
	connections.set(store, { kind: 'sqlite', sqlite, prepared, commits, answers });
	return store;
}

// Counts (int8) and sums (numeric) come back from pg as strings, to keep their full range; every
// figure Byline stores fits a JavaScript number, so they are numbers, as on SQLite.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/**
 * Kysely over a PostgreSQL pool. Its default commit (`synchronous_commit = on`) waits for the WAL
 * to reach disk, so an acknowledged answer is durable here too.
 */
export function postgresStore(url: string, poolSize = 10): Store {
	const pool = new pg.Pool({ connectionString: url, max: poolSize });
	// An idle client losing its server is reported here; without a listener it would end the process.
	pool.on('error', (error) => console.error('PostgreSQL connection lost:', error.message));
	const store = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
	connections.set(store, { kind: 'postgres', pool, url });
	return store;
}

export async function migrate(store: Store): Promise<void> {
	const provider: MigrationProvider = {
		getMigrations: async (): Promise<Record<string, Migration>> => migrations
	};
	const { error } = await new Migrator({ db: store, provider }).migrateToLatest();
	if (error) throw error;
}

/** A `postgres://` URL opens PostgreSQL; anything else is a SQLite file's path. */
export async function openStore(location: string, poolSize?: number): Promise<Store> {
	const store = isPostgresUrl(location)
		? postgresStore(location, poolSize)
		: storeOver(openSqlite(location));
	await migrate(store);
	return store;
}

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from './connection';

/**
 * The store a unit test runs on. With `BYLINE_TEST_STORE=postgres` and `BYLINE_TEST_POSTGRES` (a
 * server URL the tests may create databases on) every call gets a fresh PostgreSQL database,
 * dropped after the run by `dropTestDatabases`; otherwise the SQLite file the test names.
 */
export const testPostgres =
	process.env.BYLINE_TEST_STORE === 'postgres' ? process.env.BYLINE_TEST_POSTGRES || '' : '';

/** The prefix of this run's databases, so parallel runs never drop each other's. */
const run = process.env.BYLINE_TEST_RUN || 'local';

/** The database made for each SQLite path, so a test that reopens its file reopens its database. */
const made = new Map<string, string>();

/** The PostgreSQL server, whichever store the run is on: for tests that need both at once. */
export const postgresServer = process.env.BYLINE_TEST_POSTGRES || '';

/** A new, empty database on `server`, dropped after the run; its URL. */
export async function freshPostgresDatabase(server = postgresServer): Promise<string> {
	const name = `byline_t_${run}_${randomBytes(5).toString('hex')}`;
	await onServer(server, (client) => client.query(`CREATE DATABASE ${name}`));
	const address = new URL(server);
	address.pathname = `/${name}`;
	return address.toString();
}

export async function openTestStore(sqlitePath: string): Promise<Store> {
	if (!testPostgres) return openStore(sqlitePath);
	let url = made.get(sqlitePath);
	if (!url) {
		url = await freshPostgresDatabase(testPostgres);
		if (sqlitePath !== ':memory:') made.set(sqlitePath, url);
	}
	return openStore(url);
}

export async function onServer<T>(
	url: string,
	work: (client: pg.Client) => Promise<T>
): Promise<T> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		return await work(client);
	} finally {
		await client.end();
	}
}

/** Drops every database whose name starts with `prefix` (closing what still uses them). */
export async function dropTestDatabases(url: string, prefix: string): Promise<number> {
	return onServer(url, async (client) => {
		const { rows } = await client.query<{ datname: string }>(
			'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
			[prefix]
		);
		for (const { datname } of rows) {
			try {
				await client.query(`DROP DATABASE ${datname} WITH (FORCE)`);
			} catch (error) {
				// FORCE may not end a server process of another role, such as the autovacuum worker
				// that the test's writes woke. A plain drop asks that worker to stop, and waits for it.
				if ((error as { code?: string }).code !== '42501') throw error;
				await client.query(`DROP DATABASE ${datname}`);
			}
		}
		return rows.length;
	});
}

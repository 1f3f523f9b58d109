import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The PostgreSQL server the browser tests may create databases on (`BYLINE_TEST_POSTGRES`), or
 * null. In CI a missing server is a failure, never a skip.
 */
export function testPostgres(): string | null {
	const url = process.env.BYLINE_TEST_POSTGRES || null;
	if (!url && process.env.CI === 'true')
		throw new Error('CI must test PostgreSQL: set BYLINE_TEST_POSTGRES (.ci/run does).');
	return url;
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

/** The browser suite runs its servers on PostgreSQL (the second half of `npm test`). */
export const e2eOnPostgres = process.env.BYLINE_TEST_STORE === 'postgres';

/** A fresh, empty database on the server; `drop` removes it (closing what still uses it). */
export async function freshDatabase(server: string, name: string) {
	const run = process.env.BYLINE_TEST_RUN || 'local';
	const db = `byline_e2e_${run}_${name}_${randomBytes(4).toString('hex')}`;
	await onServer(server, (c) => c.query(`CREATE DATABASE ${db}`));
	const url = new URL(server);
	url.pathname = `/${db}`;
	return {
		url: url.toString(),
		query: <R extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
			onServer(url.toString(), async (c) => (await c.query<R>(text, values)).rows),
		drop: () => onServer(server, (c) => c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`))
	};
}

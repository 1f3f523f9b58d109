import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { rightAnswerTo } from './support/answer-form';
import { postFields, send, setUpFixtures } from './support/fuzz';
import { testPort } from './support/ports';
import { freshDatabase, testPostgres } from './support/postgres';
import { TestServer } from './support/server';

const server = testPostgres();
if (!server)
	console.warn(
		'\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n' +
			'!! SKIPPED: the db:copy round trip needs PostgreSQL (set BYLINE_TEST_POSTGRES). !!\n' +
			'!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n'
	);

/** `npm run db:copy` as an operator runs it; its exit code and what it printed. */
function dbCopy(from: string, to: string): Promise<{ code: number | null; output: string }> {
	return new Promise((done) => {
		const child = spawn('npm', ['run', '--silent', 'db:copy', '--', '--from', from, '--to', to], {
			cwd: resolve(import.meta.dirname, '..'),
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.on('exit', (code) => done({ code, output }));
	});
}

function asRecord(fields: URLSearchParams): Record<string, string[]> {
	const record: Record<string, string[]> = {};
	for (const [k, v] of fields) (record[k] ??= []).push(v);
	return record;
}

test.skip(!server, 'no PostgreSQL server (BYLINE_TEST_POSTGRES)');

test('a school moves from SQLite to PostgreSQL with db:copy and carries on there', async () => {
	test.setTimeout(180_000);
	// The school before the move, on SQLite (this file is not in the PostgreSQL half of the suite).
	const before = TestServer.fresh(testPort(112), 'copy-from', { BYLINE_PASSWORD_HASH_COST: '12' });
	const target = await freshDatabase(server ?? '', 'copy');
	const onPostgres = new TestServer(testPort(113), target.url, { BYLINE_PASSWORD_HASH_COST: '12' });
	try {
		await before.start();
		const f = await setUpFixtures(before.url);
		const play = `/play/${f.assignmentPlayId}`;
		const fields = rightAnswerTo(
			(await send(before.url, { method: 'GET', path: play, headers: { cookie: f.studentCookie } }))
				.body
		);
		expect(fields).not.toBeNull();
		const answered = await postFields(
			before.url,
			`${play}?/answer`,
			asRecord(fields ?? new URLSearchParams()),
			{ cookie: f.studentCookie }
		);
		expect(answered.status).toBe(303);
		await before.kill();

		const copied = await dbCopy(before.databasePath, target.url);
		expect(copied.output).toMatch(/ok +answer +1 → 1/);
		expect(copied.output).not.toContain('MISMATCH');
		expect(copied.code).toBe(0);
		// A second copy into the now full database is refused, and changes nothing.
		const again = await dbCopy(before.databasePath, target.url);
		expect(again.code).toBe(1);
		expect(again.output).toContain('Refusing to copy');

		// On PostgreSQL the teacher's session, class, assignment and the student's answer are there.
		await onPostgres.start();
		const dashboard = await send(onPostgres.url, {
			method: 'GET',
			path: `/teach/assignments/${f.assignmentId}`,
			headers: { cookie: f.teacherCookie, accept: 'text/html' }
		});
		expect(dashboard.status).toBe(200);
		expect(dashboard.body).toContain('Fuzzy Student');
		const [{ n }] = await target.query<{ n: string }>(
			'SELECT count(*) AS n FROM answer WHERE play_id = $1',
			[f.assignmentPlayId]
		);
		expect(Number(n)).toBe(1);
		await onPostgres.kill();

		// And back again into a fresh SQLite file, row for row.
		const back = TestServer.fresh(testPort(114), 'copy-back');
		const returned = await dbCopy(target.url, back.databasePath);
		expect(returned.code).toBe(0);
		expect(returned.output).toMatch(/ok +answer +1 → 1/);
	} finally {
		await before.kill();
		await onPostgres.kill();
		await target.drop();
	}
});

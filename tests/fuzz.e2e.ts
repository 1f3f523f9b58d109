import { expect, test } from '@playwright/test';
import { formatCounts, fuzz, send, setUpFixtures, type Fixtures } from './support/fuzz';
import { residentMiB } from './support/memory';
import { testPort } from './support/ports';
import { TestServer } from './support/server';

// A fixed seed: a failure here is the same requests every run. `npm run fuzz` sends more.
const SEED = 20261127;
const REQUESTS = 3000;

test.describe('hostile requests', () => {
	let server: TestServer;
	let fixtures: Fixtures;

	test.beforeAll(async () => {
		server = TestServer.fresh(testPort(71), 'fuzz', {
			// Sign-ups and sign-ins in the fuzz hash passwords; a low cost keeps the run short.
			BYLINE_PASSWORD_HASH_COST: '10',
			// As behind a proxy; the requests send the header, or not, or nonsense.
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: '1'
		});
		await server.start();
		fixtures = await setUpFixtures(server.url);
	});

	test.afterAll(async () => {
		await server?.kill();
	});

	test('no request stops the server, gets a 5xx or makes memory grow without bound', async () => {
		test.setTimeout(120_000);
		const alive = async () => {
			try {
				return (await send(server.url, { method: 'GET', path: '/', headers: {} })).status === 200;
			} catch {
				return false;
			}
		};
		const before = residentMiB(server.pid);
		const report = await fuzz(server.url, fixtures, {
			seed: SEED,
			count: REQUESTS,
			concurrency: 4,
			alive
		});
		const after = residentMiB(server.pid);
		console.log(`${report.requests} requests: ${formatCounts(report.byStatus)}`);
		console.log(`server memory: ${before} MiB before, ${after} MiB after`);

		expect(report.failures).toEqual([]);
		expect(server.running).toBe(true);
		expect(await alive()).toBe(true);
		// The fixtures still work: the hostile traffic did not break what was there.
		const dashboard = await send(server.url, {
			method: 'GET',
			path: `/teach/assignments/${fixtures.assignmentId}`,
			headers: { cookie: fixtures.teacherCookie }
		});
		expect(dashboard.status).toBe(200);
		expect(dashboard.body).toContain('Fuzzy Student');
		if (before !== null && after !== null) expect(after - before).toBeLessThan(200);
	});
});

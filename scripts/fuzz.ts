/**
 * The long fuzz run: `npm run fuzz [count] [seed]` (at least 10,000 requests by default) against
 * a fresh production server, printing the answers counted by status and any failure. Exits 1 when
 * a request got a 5xx or stopped the server. `FUZZ_URL=http://127.0.0.1:3000 npm run fuzz` aims
 * at a server already running instead (on loopback, started with `BYLINE_PASSWORD_HASH_COST=10`
 * to keep sign-ups quick), so its log can be read.
 */
import { formatCounts, fuzz, send, setUpFixtures } from '../tests/support/fuzz';
import { residentMiB } from '../tests/support/memory';
import { testPort } from '../tests/support/ports';
import { TestServer } from '../tests/support/server';

const count = Number(process.argv[2]) || 10_000;
const seed = Number(process.argv[3]) || Date.now() % 1_000_000;

const given = process.env.FUZZ_URL;
const server = given
	? null
	: TestServer.fresh(testPort(72), 'fuzz-long', {
			BYLINE_PASSWORD_HASH_COST: '10',
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: '1'
		});
const url = given ?? server?.url ?? '';
await server?.start();
try {
	const fixtures = await setUpFixtures(url);
	const alive = async () => {
		try {
			return (await send(url, { method: 'GET', path: '/', headers: {} })).status === 200;
		} catch {
			return false;
		}
	};
	const before = residentMiB(server?.pid);
	const started = Date.now();
	const report = await fuzz(url, fixtures, { seed, count, concurrency: 4, alive });
	const seconds = (Date.now() - started) / 1000;
	console.log(`seed ${seed}: ${report.requests} requests in ${seconds.toFixed(1)} s`);
	console.log(`by status: ${formatCounts(report.byStatus)}`);
	console.log(`server memory: ${before} MiB before, ${residentMiB(server?.pid)} MiB after`);
	console.log(`server still answering: ${(await alive()) ? 'yes' : 'NO'}`);
	if (process.env.FUZZ_VERBOSE) for (const u of report.unanswered) console.log(`no answer: ${u}`);
	for (const f of report.failures) console.log(`FAILED ${f.request}\n  ${f.outcome}`);
	if (report.failures.length > 0 && server) console.log(`server output:\n${server.output}`);
	process.exitCode = report.failures.length > 0 ? 1 : 0;
} finally {
	await server?.kill();
}

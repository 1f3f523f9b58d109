import { randomBytes } from 'node:crypto';
import { dropTestDatabases } from './test-store';

/**
 * Vitest's global setup: names this run's PostgreSQL databases and drops them all afterwards, so
 * a run leaves no database behind even when a test forgets to close its store.
 */
export default function setup(): (() => Promise<void>) | void {
	const url = process.env.BYLINE_TEST_POSTGRES;
	if (!url) return;
	const run = randomBytes(4).toString('hex');
	process.env.BYLINE_TEST_RUN = run;
	return async () => {
		await dropTestDatabases(url, `byline_t_${run}_`);
	};
}

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from './connection';
import { jobRunsOf, runOnce } from './jobs';
import { openTestStore } from './test-store';

const dir = mkdtempSync(join(tmpdir(), 'byline-jobs-'));
let store: Store;
afterEach(async () => {
	await store.destroy();
});

describe('runOnce', () => {
	const now = new Date('2026-03-02T10:15:00.000Z');

	it('runs a job once per slot, however many callers ask at the same moment', async () => {
		store = await openTestStore(join(dir, 'burst.db'));
		let runs = 0;
		const work = async () => {
			runs++;
			return 'done';
		};
		const results = await Promise.all(
			Array.from({ length: 6 }, () => runOnce(store, 'retention', '2026-03-02T10', now, work))
		);
		expect(runs).toBe(1);
		expect(results.filter((r) => r === 'done')).toHaveLength(1);
		expect(await runOnce(store, 'retention', '2026-03-02T10', now, work)).toBeNull();
		expect(await runOnce(store, 'retention', '2026-03-02T11', now, work)).toBe('done');
		expect((await jobRunsOf(store, 'retention')).map((r) => r.slot)).toEqual([
			'2026-03-02T10',
			'2026-03-02T11'
		]);
	});
});

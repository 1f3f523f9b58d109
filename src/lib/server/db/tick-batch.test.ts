import { describe, expect, it } from 'vitest';
import { TickBatch } from './tick-batch';

/** A batch that doubles numbers and remembers what each run was given. */
function doubling(maxBatch?: number) {
	const runs: number[][] = [];
	const batch = new TickBatch<number, number>(async (inputs) => {
		runs.push(inputs);
		return inputs.map((n) => n * 2);
	}, maxBatch);
	return { batch, runs };
}

describe('TickBatch', () => {
	it('runs the calls of one turn of the event loop together, each answered in order', async () => {
		const { batch, runs } = doubling();
		expect(await Promise.all([1, 2, 3].map((n) => batch.add(n)))).toEqual([2, 4, 6]);
		expect(runs).toEqual([[1, 2, 3]]);
	});

	it('runs calls of later turns in batches of their own', async () => {
		const { batch, runs } = doubling();
		expect(await batch.add(1)).toBe(2);
		expect(await Promise.all([batch.add(2), batch.add(3)])).toEqual([4, 6]);
		expect(runs).toEqual([[1], [2, 3]]);
		expect(batch.batches).toBe(2);
	});

	it('splits a turn with more calls than the largest batch', async () => {
		const { batch, runs } = doubling(2);
		expect(await Promise.all([1, 2, 3, 4, 5].map((n) => batch.add(n)))).toEqual([2, 4, 6, 8, 10]);
		expect(runs).toEqual([[1, 2], [3, 4], [5]]);
	});

	it('fails every call of a batch whose run fails, and runs the next batch afresh', async () => {
		let fail = true;
		const batch = new TickBatch<number, number>(async (inputs) => {
			if (fail) throw new Error('the store is away');
			return inputs;
		});
		const failed = await Promise.allSettled([batch.add(1), batch.add(2)]);
		expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
		fail = false;
		expect(await batch.add(3)).toBe(3);
	});
});

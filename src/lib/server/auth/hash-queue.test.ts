import { describe, expect, it } from 'vitest';
import { WorkQueue } from './hash-queue';

/** A task that finishes when the test says so. */
function controlled() {
	let finish!: () => void;
	const done = new Promise<void>((resolve) => (finish = resolve));
	return { finish, task: () => done };
}

describe('WorkQueue', () => {
	it('runs at most `max` tasks at once and the rest in order, as slots free up', async () => {
		const queue = new WorkQueue(2);
		const started: number[] = [];
		const tasks = Array.from({ length: 5 }, () => controlled());
		const runs = tasks.map((t, i) =>
			queue.run(async () => {
				started.push(i);
				await t.task();
				return i;
			})
		);
		await Promise.resolve();
		expect(started).toEqual([0, 1]);
		expect(queue.queued).toBe(3);
		tasks[1]?.finish();
		await runs[1];
		await Promise.resolve();
		expect(started).toEqual([0, 1, 2]);
		for (const t of tasks) t.finish();
		expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
		expect(started).toEqual([0, 1, 2, 3, 4]);
		expect(queue.peak).toBe(2);
		expect(queue.queued).toBe(0);
	});

	it('frees the slot when a task fails', async () => {
		const queue = new WorkQueue(1);
		await expect(queue.run(() => Promise.reject(new Error('broken')))).rejects.toThrow('broken');
		expect(await queue.run(async () => 'next')).toBe('next');
	});
});

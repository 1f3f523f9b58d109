import { availableParallelism } from 'node:os';

/**
 * At most `max` tasks at once, the rest wait their turn in order. Password hashing runs through
 * one of these: scrypt runs on libuv's small thread pool (4 threads by default), which also reads
 * files, so a burst of sign-ins must never take every thread and stall the static files.
 */
export class WorkQueue {
	private active = 0;
	private readonly waiting: (() => void)[] = [];
	/** The most tasks that ever ran at once: tests read it to check the cap holds. */
	peak = 0;

	constructor(readonly max: number) {}

	async run<T>(task: () => Promise<T>): Promise<T> {
		if (this.active >= this.max) await new Promise<void>((go) => this.waiting.push(go));
		else this.active++;
		this.peak = Math.max(this.peak, this.active);
		try {
			return await task();
		} finally {
			const next = this.waiting.shift();
			// The slot passes straight to the next task, so `active` never overshoots.
			if (next) next();
			else this.active--;
		}
	}

	/** Tasks waiting for a slot. */
	get queued(): number {
		return this.waiting.length;
	}
}

/**
 * Half the cores, at most two hashes at a time: scrypt is CPU-bound, so the event loop keeps a
 * core, and at most half of libuv's default four threads are ever busy hashing.
 */
export const hashQueue = new WorkQueue(
	Math.min(2, Math.max(1, Math.floor(availableParallelism() / 2)))
);

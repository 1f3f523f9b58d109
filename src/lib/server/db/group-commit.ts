import type BetterSqlite3 from 'better-sqlite3';

interface Job {
	work: () => unknown;
	resolve: (value: unknown) => void;
	reject: (reason: unknown) => void;
}

/**
 * Group commit: work that arrives while the event loop is busy is queued, then run as one
 * transaction, and every caller is answered only once that transaction is durable
 * (`synchronous=FULL`). Many concurrent answers thus share one fsync instead of paying one each.
 * Each job runs in its own savepoint, so one failing job rolls back only itself.
 */
export class GroupCommit {
	private queue: Job[] = [];
	private scheduled = false;
	/** How many transactions have been committed, for tests and the benchmark. */
	batches = 0;
	private readonly runBatch: BetterSqlite3.Transaction<(jobs: Job[]) => unknown[]>;

	constructor(
		private readonly sqlite: BetterSqlite3.Database,
		/** The most jobs in one transaction, so a huge burst still answers its first callers soon. */
		private readonly maxBatch = 512
	) {
		const each = sqlite.transaction((job: Job) => job.work());
		this.runBatch = sqlite.transaction((jobs: Job[]) =>
			jobs.map((job) => {
				try {
					return { ok: true, value: each(job) };
				} catch (error) {
					return { ok: false, error };
				}
			})
		);
	}

	/** Runs `work` inside the next batch's transaction; resolves once that batch is committed. */
	run<T>(work: () => T): Promise<T> {
		return new Promise<T>((resolve, reject) => {
			this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
			this.schedule();
		});
	}

	private schedule(): void {
		if (this.scheduled) return;
		this.scheduled = true;
		// setImmediate: after the requests already read from the network have queued their work.
		setImmediate(() => this.flush());
	}

	private flush(): void {
		this.scheduled = false;
		// Another writer's transaction is open on this connection: wait for it to end.
		if (this.sqlite.inTransaction) return this.schedule();
		const jobs = this.queue.splice(0, this.maxBatch);
		if (this.queue.length > 0) this.schedule();
		if (jobs.length === 0) return;
		let outcomes: { ok: boolean; value?: unknown; error?: unknown }[];
		try {
			outcomes = this.runBatch.immediate(jobs) as typeof outcomes;
			this.batches++;
		} catch (error) {
			// The commit itself failed: nothing of this batch is durable.
			for (const job of jobs) job.reject(error);
			return;
		}
		jobs.forEach((job, i) => {
			const outcome = outcomes[i];
			if (outcome.ok) job.resolve(outcome.value);
			else job.reject(outcome.error);
		});
	}
}

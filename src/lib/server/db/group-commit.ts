import type BetterSqlite3 from 'better-sqlite3';
import { logSyncFor, type LogSync } from './log-sync';

interface Job {
	work: () => unknown;
	resolve: (value: unknown) => void;
	reject: (reason: unknown) => void;
}

/**
 * Group commit: work that arrives while the event loop is busy is queued, then run as one
 * transaction, and every caller is answered only once that transaction is durable. Many
 * concurrent answers thus share one fsync instead of paying one each. Each job runs in its own
 * savepoint, so one failing job rolls back only itself.
 *
 * On a file in WAL mode the batch commits without its own flush and the log is then flushed on
 * the thread pool (`log-sync.ts`): the event loop goes on reading requests and building the next
 * batch while the disk works, and no caller hears of a batch before its flush has returned. Every
 * other write on the connection keeps `synchronous=FULL`.
 */
export class GroupCommit {
	private queue: Job[] = [];
	private scheduled = false;
	/** How many transactions have been committed, for tests and the benchmark. */
	batches = 0;
	private readonly runBatch: BetterSqlite3.Transaction<(jobs: Job[]) => unknown[]>;
	private readonly deferSync: BetterSqlite3.Statement;
	private readonly fullSync: BetterSqlite3.Statement;

	constructor(
		private readonly sqlite: BetterSqlite3.Database,
		/** The most jobs in one transaction, so a huge burst still answers its first callers soon. */
		private readonly maxBatch = 512,
		private readonly log: LogSync = logSyncFor(sqlite)
	) {
		this.deferSync = sqlite.prepare('PRAGMA synchronous = NORMAL');
		this.fullSync = sqlite.prepare('PRAGMA synchronous = FULL');
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
			if (this.log.deferred) this.deferSync.run();
			outcomes = this.runBatch.immediate(jobs) as typeof outcomes;
			this.batches++;
		} catch (error) {
			// The commit itself failed: nothing of this batch is durable.
			for (const job of jobs) job.reject(error);
			return;
		} finally {
			if (this.log.deferred) this.fullSync.run();
		}
		this.log.sync((error) => {
			jobs.forEach((job, i) => {
				const outcome = outcomes[i];
				// Committed but not known to be on disk: the caller must not be told it is.
				if (error) job.reject(error);
				else if (outcome.ok) job.resolve(outcome.value);
				else job.reject(outcome.error);
			});
		});
	}

	/** Releases the log's descriptor; the connection is closed by its owner. */
	close(): void {
		this.log.close();
	}
}

import type BetterSqlite3 from 'better-sqlite3';
import { logSyncFor, type LogSync } from './log-sync';
import { TickBatch } from './tick-batch';

type Work = () => unknown;
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Group commit: work that arrives while the event loop is busy is queued (`tick-batch.ts`), then
 * run as one transaction, and every caller is answered only once that transaction is durable.
 * Many concurrent answers thus share one fsync instead of paying one each. Each job runs in its
 * own savepoint, so one failing job rolls back only itself.
 *
 * On a file in WAL mode the batch commits without its own flush and the log is then flushed on
 * the thread pool (`log-sync.ts`): the event loop goes on reading requests and building the next
 * batch while the disk works, and no caller hears of a batch before its flush has returned. Every
 * other write on the connection keeps `synchronous=FULL`.
 */
export class GroupCommit {
	/** How many transactions have been committed, for tests and the benchmark. */
	batches = 0;
	private readonly queue: TickBatch<Work, Outcome>;
	private readonly runBatch: BetterSqlite3.Transaction<(jobs: Work[]) => Outcome[]>;
	private readonly deferSync: BetterSqlite3.Statement;
	private readonly fullSync: BetterSqlite3.Statement;

	constructor(
		private readonly sqlite: BetterSqlite3.Database,
		/** The most jobs in one transaction, so a huge burst still answers its first callers soon. */
		maxBatch = 512,
		private readonly log: LogSync = logSyncFor(sqlite)
	) {
		this.deferSync = sqlite.prepare('PRAGMA synchronous = NORMAL');
		this.fullSync = sqlite.prepare('PRAGMA synchronous = FULL');
		const each = sqlite.transaction((work: Work) => work());
		this.runBatch = sqlite.transaction((jobs: Work[]) =>
			jobs.map((work): Outcome => {
				try {
					return { ok: true, value: each(work) };
				} catch (error) {
					return { ok: false, error };
				}
			})
		);
		this.queue = new TickBatch((jobs) => this.commit(jobs), maxBatch);
	}

	/** Runs `work` inside the next batch's transaction; resolves once that batch is committed. */
	async run<T>(work: () => T): Promise<T> {
		const outcome = await this.queue.add(work);
		if (!outcome.ok) throw outcome.error;
		return outcome.value as T;
	}

	/** One transaction for `jobs`; resolves once it is durable, rejects if it is not. */
	private async commit(jobs: Work[]): Promise<Outcome[]> {
		// Another writer's transaction is open on this connection: wait for it to end.
		while (this.sqlite.inTransaction) await new Promise((next) => setImmediate(next));
		let outcomes: Outcome[];
		try {
			if (this.log.deferred) this.deferSync.run();
			outcomes = this.runBatch.immediate(jobs);
			this.batches++;
		} finally {
			if (this.log.deferred) this.fullSync.run();
		}
		// Committed but not known to be on disk: no caller may be told it is.
		await new Promise<void>((durable, failed) =>
			this.log.sync((error) => (error ? failed(error) : durable()))
		);
		return outcomes;
	}

	/** Releases the log's descriptor; the connection is closed by its owner. */
	close(): void {
		this.log.close();
	}
}

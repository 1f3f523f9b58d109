import type BetterSqlite3 from 'better-sqlite3';
import { closeSync, fsync, fsyncSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Makes everything already written to the store's log durable. `sync(done)` calls `done` once a
 * flush that began after the call has reached the disk.
 */
export interface LogSync {
	/** Whether commits may skip their own flush because this one follows them. */
	readonly deferred: boolean;
	sync(done: (error: Error | null) => void): void;
	close(): void;
}

/** For a store with no log of its own on disk (`:memory:`): its commits are all there is. */
export const NO_LOG_SYNC: LogSync = {
	deferred: false,
	sync: (done) => done(null),
	close: () => {}
};

/**
 * The write-ahead log of a SQLite file, flushed with fsync on libuv's thread pool. A commit made
 * with `synchronous=NORMAL` has written its frames to the log but not flushed them; one fsync of
 * the log afterwards gives it what `synchronous=FULL` gives, without stopping the event loop while
 * the disk works. Callers that arrive while a flush is running wait for the next one, because
 * their frames may have been written after it began.
 */
export class WalSync implements LogSync {
	readonly deferred = true;
	private fd: number | null = null;
	private running = false;
	private waiting: ((error: Error | null) => void)[] = [];
	/** How many flushes have been started, for tests. */
	flushes = 0;

	constructor(private readonly walPath: string) {}

	sync(done: (error: Error | null) => void): void {
		this.waiting.push(done);
		if (!this.running) this.flush();
	}

	private flush(): void {
		const callers = this.waiting.splice(0);
		let fd: number;
		try {
			fd = this.openLog();
		} catch (error) {
			for (const done of callers) done(error as Error);
			return;
		}
		this.running = true;
		this.flushes++;
		fsync(fd, (error) => {
			this.running = false;
			for (const done of callers) done(error);
			if (this.waiting.length > 0) this.flush();
		});
	}

	/**
	 * The log stays the same file while the store is open (SQLite truncates it, never replaces
	 * it), so one descriptor serves. Its directory entry is flushed once, as SQLite does for a
	 * new journal.
	 */
	private openLog(): number {
		if (this.fd !== null) return this.fd;
		this.fd = openSync(this.walPath, 'r+');
		try {
			const dir = openSync(dirname(this.walPath), 'r');
			try {
				fsyncSync(dir);
			} finally {
				closeSync(dir);
			}
		} catch {
			// Some systems cannot open a directory; the log's own flush still holds its frames.
		}
		return this.fd;
	}

	close(): void {
		if (this.fd !== null) closeSync(this.fd);
		this.fd = null;
	}
}

/** Whether `sqlite` is a file with a write-ahead log (not `:memory:`, not another journal mode). */
export function hasLogFile(sqlite: BetterSqlite3.Database): boolean {
	const mode = String(sqlite.pragma('journal_mode', { simple: true })).toLowerCase();
	return !sqlite.memory && mode === 'wal';
}

/** The flush that suits `sqlite`: its log's when it is a file in WAL mode, none otherwise. */
export function logSyncFor(sqlite: BetterSqlite3.Database): LogSync {
	return hasLogFile(sqlite) ? new WalSync(`${sqlite.name}-wal`) : NO_LOG_SYNC;
}

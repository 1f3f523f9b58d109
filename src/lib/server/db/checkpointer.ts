import type BetterSqlite3 from 'better-sqlite3';
import { sqliteThread, threadErrorText, type SqliteThread } from './sqlite-thread';

/** The thread's whole program (`sqlite-thread.ts`). */
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
let told = '';
const timer = setInterval(() => {
	const { log, checkpointed } = checkpoint.get();
	const now = log + '/' + checkpointed;
	if (now !== told && checkpointed > 0) parentPort.postMessage({ log, checkpointed });
	told = now;
}, workerData.everyMs);
parentPort.on('message', () => {
	clearInterval(timer);
	db.close();
	parentPort.close();
});
`;

/**
 * Copies a SQLite file's write-ahead log back into the file on a thread of its own, with its own
 * connection, so that the event loop never waits for a checkpoint's reads, writes and flushes.
 * SQLite would otherwise run one inside whichever commit pushes the log past 1,000 pages: an
 * answer's, holding every request behind it. A passive checkpoint never waits for the writer and
 * never makes it wait; what it has copied lets the next write start the log from the beginning.
 *
 * While the thread runs, the connection's own automatic checkpoints are off; if the thread cannot
 * start or stops, they are turned on again, so the log never grows without end.
 */
export class LogCheckpointer {
	/** How many times the thread reported frames copied into the file, for tests. */
	checkpoints = 0;
	private readonly thread: SqliteThread;
	private closed = false;

	constructor(
		private readonly sqlite: BetterSqlite3.Database,
		everyMs = 200
	) {
		sqlite.pragma('wal_autocheckpoint = 0');
		this.thread = sqliteThread(THREAD, { path: sqlite.name, everyMs }, (worker) => {
			worker.on('message', () => this.checkpoints++);
			worker.on('error', (error) => {
				// A store closed while its thread was still starting is no failure.
				if (this.closed) return;
				console.error('Checkpointing the store on its own thread failed:', threadErrorText(error));
				this.automatic();
			});
			worker.on('exit', () => this.automatic());
		});
	}

	/** Back to SQLite's own checkpoints, in the connection's commits. */
	private automatic(): void {
		if (!this.closed && this.sqlite.open) this.sqlite.pragma('wal_autocheckpoint = 1000');
	}

	/** Stops the thread; resolves once it has closed its connection and ended. */
	close(): Promise<void> {
		this.closed = true;
		return this.thread.stop();
	}
}

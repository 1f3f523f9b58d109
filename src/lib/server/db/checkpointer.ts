import type BetterSqlite3 from 'better-sqlite3';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * The thread's whole program. It is plain CommonJS run with `eval`, so it needs no file of its own
 * in the build: only the driver, whose path the main thread resolves.
 */
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
	private readonly worker: Worker;
	private closed = false;

	constructor(
		private readonly sqlite: BetterSqlite3.Database,
		everyMs = 200
	) {
		const driver = createRequire(import.meta.url).resolve('better-sqlite3');
		sqlite.pragma('wal_autocheckpoint = 0');
		this.worker = new Worker(THREAD, {
			eval: true,
			workerData: { driver, path: sqlite.name, everyMs }
		});
		this.worker.on('message', () => this.checkpoints++);
		this.worker.on('error', (error) => {
			console.error('Checkpointing the store on its own thread failed:', error.message);
			this.automatic();
		});
		this.worker.on('exit', () => this.automatic());
		// After the listeners: adding one for messages holds the process open again.
		this.worker.unref();
	}

	/** Back to SQLite's own checkpoints, in the connection's commits. */
	private automatic(): void {
		if (!this.closed && this.sqlite.open) this.sqlite.pragma('wal_autocheckpoint = 1000');
	}

	/** Stops the thread; it closes its connection first. */
	close(): void {
		this.closed = true;
		this.worker.postMessage('close');
	}
}

/** A checkpointer for `sqlite` when it is a file in WAL mode; null otherwise (`:memory:`). */
export function checkpointerFor(sqlite: BetterSqlite3.Database): LogCheckpointer | null {
	const mode = String(sqlite.pragma('journal_mode', { simple: true })).toLowerCase();
	return sqlite.memory || mode !== 'wal' ? null : new LogCheckpointer(sqlite);
}

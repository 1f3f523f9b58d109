import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * A thread with a SQLite connection of its own, running `program`: plain CommonJS run with
 * `eval`, so it needs no file of its own in the build. The program finds the driver's path in
 * `workerData.driver` and the rest of `data` beside it. `listen` attaches the caller's listeners
 * before the thread is unref'd: adding a message listener afterwards would hold the process open.
 */
export function sqliteThread(
	program: string,
	data: Record<string, unknown>,
	listen: (worker: Worker) => void
): SqliteThread {
	const driver = createRequire(import.meta.url).resolve('better-sqlite3');
	const worker = new Worker(program, { eval: true, workerData: { ...data, driver } });
	const ended = new Promise<void>((done) => worker.once('exit', () => done()));
	listen(worker);
	worker.unref();
	return {
		worker,
		stop() {
			// The program closes its connection on this word, after what it was sent before it.
			worker.postMessage('close');
			return ended;
		}
	};
}

export interface SqliteThread {
	worker: Worker;
	/** Asks the thread to close its connection and end; resolves once it has ended. */
	stop(): Promise<void>;
}

/** What a thread's error says: the driver's own errors arrive as plain objects that keep only their code. */
export function threadErrorText(error: unknown): string {
	const { message, code } = (error ?? {}) as { message?: unknown; code?: unknown };
	return String(message ?? code ?? error);
}

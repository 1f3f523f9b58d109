import { sqliteThread, threadErrorText, type SqliteThread } from './sqlite-thread';
import { TickBatch } from './tick-batch';

/**
 * Storing an answer on SQLite: its row, then (only if it went in) the finished mark and the
 * student's activity. Both the answer thread and the store's own connection run these.
 */
export const ANSWER_STATEMENTS = {
	insert: `INSERT INTO answer (play_id, position, question_id, response, credit, points, streak, answered_at, grade)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
	/** The play's id, then when. */
	finish: 'UPDATE play SET finished_at = ? WHERE id = ? AND finished_at IS NULL',
	/** When, then the student's id. */
	touch: 'UPDATE student SET last_active_at = ? WHERE id = ?'
};

/** One answer for the thread to store: the insert's values, and what storing it also writes. */
export interface AnswerToWrite {
	/** The answer's columns in the order of `ANSWER_STATEMENTS.insert`; the first is the play's id. */
	columns: unknown[];
	at: string;
	/** It is the play's last question: mark the play finished. */
	finishes: boolean;
	/** The student whose activity it is, or null. */
	studentId: string | null;
}

/** What the thread says of one answer: stored, turned away (false), or the error it met. */
type Written = boolean | { error: string };

/**
 * The thread's whole program (`sqlite-thread.ts`). It takes every message waiting for it. Reads
 * first; then every answer in one transaction (each in a savepoint of its own), the write lock
 * let go, and the log flushed to disk: one fsync for all, and the main thread's own writes never
 * wait for the disk. Only then does it say the answers are stored.
 */
const THREAD = `
const { parentPort, receiveMessageOnPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { dirname } = require('node:path');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true, timeout: 5000 });
db.pragma('foreign_keys = ON');
db.pragma('synchronous = NORMAL');
db.pragma('wal_autocheckpoint = 0');
const insert = db.prepare(workerData.statements.insert);
const finish = db.prepare(workerData.statements.finish);
const touch = db.prepare(workerData.statements.touch);
const one = db.transaction((a) => {
	if (insert.run(...a.columns).changes !== 1) return false;
	if (a.finishes) finish.run(a.at, a.columns[0]);
	if (a.studentId) touch.run(a.at, a.studentId);
	return true;
});
const all = db.transaction((answers) =>
	answers.map((a) => {
		try {
			return one(a);
		} catch (e) {
			if (e.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return false;
			return { error: String(e.message) };
		}
	})
);
let log = null;
function flush() {
	if (log === null) {
		log = fs.openSync(workerData.path + '-wal', 'r+');
		try {
			const dir = fs.openSync(dirname(workerData.path), 'r');
			try { fs.fsyncSync(dir); } finally { fs.closeSync(dir); }
		} catch {}
	}
	fs.fsyncSync(log);
}
const readPlay = db.prepare('SELECT * FROM play WHERE id = ?');
const readAnswers = db.prepare('SELECT * FROM answer WHERE play_id = ? ORDER BY position');
function read(ids) {
	return ids.map((id) => {
		const play = readPlay.get(id);
		return play ? { play, answers: readAnswers.all(id) } : null;
	});
}
function write(answers) {
	const results = all.immediate(answers);
	flush();
	return results;
}
function reply(id, work) {
	try {
		return { id, rows: work() };
	} catch (e) {
		return { id, failure: String((e && e.message) || e) };
	}
}
parentPort.on('message', (first) => {
	const messages = [first];
	for (let next; (next = receiveMessageOnPort(parentPort)); ) messages.push(next.message);
	// Reads first: they see only answers already flushed, never one that is not yet durable, and
	// wait for no flush. Then every waiting answer in one transaction and one flush.
	const reads = messages.filter((m) => m.reads);
	if (reads.length > 0) parentPort.postMessage(reads.map((m) => reply(m.id, () => read(m.reads))));
	const writes = messages.filter((m) => m.answers);
	if (writes.length > 0) {
		const done = reply(null, () => write(writes.flatMap((m) => m.answers)));
		let at = 0;
		parentPort.postMessage(
			writes.map((m) =>
				done.rows ? { id: m.id, rows: done.rows.slice(at, (at += m.answers.length)) } : { ...done, id: m.id }
			)
		);
	}
	if (messages.includes('close')) {
		if (log !== null) fs.closeSync(log);
		db.close();
		parentPort.close();
	}
});
`;

/** A play's row and its answers' rows, as SQLite returns them. */
export interface PlayRows {
	play: Record<string, unknown>;
	answers: Record<string, unknown>[];
}

interface Sent {
	done: (rows: unknown[]) => void;
	fail: (error: Error) => void;
}

type Reply = { id: number } & ({ rows: unknown[] } | { failure: string });

/**
 * The answer path's store work on a thread of its own, with its own connection to the SQLite
 * file: reading a play with its answers, and storing an answer with the finished mark and the
 * student's activity, committed and flushed to disk there. The event loop only hands the work
 * over and hears back, so while the disk works it goes on serving pages, and its own connection's
 * page cache is not emptied by every commit of the thread's. Work handed over in the same turn
 * travels together; answers that wait while the thread is busy share its next transaction and
 * flush (a group commit across threads).
 *
 * `write` resolves true once the answer is durable, false when the store's constraints turned it
 * away (the play already has an answer there, or the play is gone). If the thread stops, every
 * answer not yet acknowledged fails, and `running` turns false so the caller can write them itself.
 */
export class AnswerThread {
	private readonly thread: SqliteThread;
	private readonly writes: TickBatch<AnswerToWrite, Written>;
	private readonly reads: TickBatch<string, PlayRows | null>;
	private readonly sent = new Map<number, Sent>();
	private sentCount = 0;
	private stopped: Error | null = null;

	constructor(path: string) {
		this.writes = new TickBatch((answers) => this.send({ answers }) as Promise<Written[]>);
		this.reads = new TickBatch((ids) => this.send({ reads: ids }) as Promise<(PlayRows | null)[]>);
		this.thread = sqliteThread(THREAD, { path, statements: ANSWER_STATEMENTS }, (worker) => {
			worker.on('message', (replies: Reply[]) => this.hear(replies));
			worker.on('error', (error) =>
				this.stop(new Error(`The answer thread failed: ${threadErrorText(error)}`))
			);
			worker.on('exit', () => this.stop(new Error('The answer thread stopped.')));
		});
	}

	get running(): boolean {
		return this.stopped === null;
	}

	async write(answer: AnswerToWrite): Promise<boolean> {
		const written = await this.writes.add(answer);
		if (typeof written === 'boolean') return written;
		throw new Error(written.error);
	}

	/**
	 * A play's rows with every answer already acknowledged, never one not yet durable; null when
	 * there is no such play.
	 */
	read(id: string): Promise<PlayRows | null> {
		return this.reads.add(id);
	}

	private send(message: object): Promise<unknown[]> {
		if (this.stopped) return Promise.reject(this.stopped);
		const id = this.sentCount++;
		return new Promise((done, fail) => {
			this.sent.set(id, { done, fail });
			this.thread.worker.postMessage({ ...message, id });
		});
	}

	private hear(replies: Reply[]): void {
		for (const reply of replies) {
			const sent = this.sent.get(reply.id);
			this.sent.delete(reply.id);
			if (!sent) continue;
			if ('rows' in reply) sent.done(reply.rows);
			else sent.fail(new Error(`The store failed: ${reply.failure}`));
		}
	}

	private stop(error: Error): void {
		this.stopped ??= error;
		for (const sent of this.sent.values()) sent.fail(this.stopped);
		this.sent.clear();
	}

	/** Stops the thread once it has answered what it was sent; resolves once it has ended. */
	close(): Promise<void> {
		this.stopped ??= new Error('The store is closed.');
		return this.thread.stop();
	}
}

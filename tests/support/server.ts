import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { e2eOnPostgres, freshDatabase, testPostgres } from './postgres';

const root = resolve(import.meta.dirname, '../..');

/**
 * A real production server (`node build`) on its own port and its own SQLite file; in the
 * PostgreSQL half of the suite, its own PostgreSQL database instead (kept across restarts).
 */
export class TestServer {
	private child: ChildProcess | null = null;
	private log = '';
	private postgresUrl: string | null = null;
	readonly url: string;

	constructor(
		readonly port: number,
		readonly databasePath: string,
		private readonly env: Record<string, string> = {},
		/** A newcomer's start: `npm start`'s script with nothing in the environment but these two. */
		private readonly asNewcomer = false
	) {
		this.url = `http://127.0.0.1:${port}`;
	}

	/** A server on a fresh database file under test-results/. */
	static fresh(port: number, name: string, env: Record<string, string> = {}): TestServer {
		const db = resolve(root, 'test-results/db', name, 'byline.db');
		rmSync(dirname(db), { recursive: true, force: true });
		mkdirSync(dirname(db), { recursive: true });
		return new TestServer(port, db, env);
	}

	/** The README's start command with an empty environment: only a free port and a database file. */
	static newcomer(port: number, name: string): TestServer {
		const { databasePath } = TestServer.fresh(port, name);
		return new TestServer(port, databasePath, {}, true);
	}

	/** What the server is given as BYLINE_DATABASE. */
	private async database(): Promise<string> {
		const server = e2eOnPostgres ? testPostgres() : null;
		if (!server || /^postgres/.test(this.databasePath)) return this.databasePath;
		this.postgresUrl ??= (await freshDatabase(server, `server${this.port}`)).url;
		return this.postgresUrl;
	}

	async start(): Promise<void> {
		const database = await this.database();
		const env = this.asNewcomer
			? { PORT: String(this.port), BYLINE_DATABASE: database }
			: {
					...process.env,
					BYLINE_DATABASE: database,
					HOST: '127.0.0.1',
					PORT: String(this.port),
					ORIGIN: this.url,
					...this.env
				};
		const child = spawn(process.execPath, [this.asNewcomer ? 'scripts/start.mjs' : 'build'], {
			cwd: root,
			env,
			stdio: ['ignore', 'pipe', 'pipe']
		});
		const keep = (d: Buffer) => {
			this.log = (this.log + d).slice(-20_000);
		};
		child.stdout?.on('data', keep);
		child.stderr?.on('data', keep);
		child.on('exit', (code, signal) => (this.log += `\n[exited: code ${code}, signal ${signal}]`));
		const output = () => this.log;
		this.child = child;
		const deadline = Date.now() + 30_000;
		while (Date.now() < deadline) {
			if (child.exitCode !== null) throw new Error(`the server exited early:\n${output()}`);
			try {
				const res = await fetch(this.url + '/');
				if (res.ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((r) => setTimeout(r, 100));
		}
		throw new Error(`the server did not start within 30 s:\n${output()}`);
	}

	/** The last 20,000 characters the server printed, to explain a failure. */
	get output(): string {
		return this.log;
	}

	/** The server's process id, while it runs (to read its memory use). */
	get pid(): number | undefined {
		return this.child?.pid;
	}

	/** Whether the process is still running. */
	get running(): boolean {
		return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
	}

	/**
	 * Asks the process to stop, as Ctrl-C (SIGINT) or a service manager (SIGTERM) does; resolves
	 * with its exit code once it has ended, and fails if it is still running after `within` ms.
	 */
	async stop(signal: 'SIGINT' | 'SIGTERM', within = 20_000): Promise<number | null> {
		const child = this.child;
		if (!child || child.exitCode !== null) throw new Error('the server is not running');
		const ended = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
		child.kill(signal);
		let timer: NodeJS.Timeout | undefined;
		const late = new Promise<never>((_, fail) => {
			timer = setTimeout(
				() => fail(new Error(`the server was still running ${within} ms after ${signal}`)),
				within
			);
		});
		try {
			return await Promise.race([ended, late]);
		} finally {
			clearTimeout(timer);
			this.child = null;
		}
	}

	/** Stops the process the hard way, as a crash or power cut would. */
	async kill(): Promise<void> {
		const child = this.child;
		if (!child || child.exitCode !== null) return;
		await new Promise<void>((done) => {
			child.once('exit', () => done());
			child.kill('SIGKILL');
		});
		this.child = null;
	}
}

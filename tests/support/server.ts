import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/** A real production server (`node build`) on its own port and its own SQLite file. */
export class TestServer {
	private child: ChildProcess | null = null;
	private printed = '';
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

	/** What the server printed so far. */
	get output(): string {
		return this.printed;
	}

	async start(): Promise<void> {
		const env = this.asNewcomer
			? { PORT: String(this.port), BYLINE_DATABASE: this.databasePath }
			: {
					...process.env,
					BYLINE_DATABASE: this.databasePath,
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
		this.printed = '';
		child.stdout?.on('data', (d) => (this.printed += d));
		child.stderr?.on('data', (d) => (this.printed += d));
		const output = () => this.printed;
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

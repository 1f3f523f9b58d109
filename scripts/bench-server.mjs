// The production server (`node build`) for a benchmark script: a fresh SQLite file, loopback only,
// and a form poster that sends what Byline's own pages send.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Starts the server on `port`; resolves once it answers. */
export async function startBenchServer(port, env = {}) {
	const origin = `http://127.0.0.1:${port}`;
	const dir = mkdtempSync(join(tmpdir(), 'byline-bench-'));
	const server = spawn(process.execPath, ['build'], {
		env: {
			...process.env,
			BYLINE_DATABASE: join(dir, 'bench.db'),
			HOST: '127.0.0.1',
			PORT: String(port),
			ORIGIN: origin,
			...env
		},
		stdio: 'ignore'
	});
	for (let i = 0; ; i++) {
		try {
			if ((await fetch(origin)).ok) break;
		} catch {
			// not up yet
		}
		if (i === 200) throw new Error('the server did not start');
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		origin,
		/** Posts a form as a page without JavaScript would, not following the redirect. */
		post: (path, fields) =>
			fetch(origin + path, {
				method: 'POST',
				redirect: 'manual',
				headers: {
					'content-type': 'application/x-www-form-urlencoded',
					origin,
					accept: 'text/html'
				},
				body: new URLSearchParams(fields)
			}),
		stop() {
			server.kill();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

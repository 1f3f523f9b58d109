import BetterSqlite3 from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { rightAnswerTo } from './support/answer-form';
import { testPort } from './support/ports';
import { TestServer } from './support/server';

const STUDENTS = 40;
/** Killed once this many answers are acknowledged, with every student's next answer in flight. */
const KILL_AFTER = 150;

test('every acknowledged answer survives kill -9 under load', async () => {
	test.setTimeout(120_000);
	const server = TestServer.fresh(testPort(53), 'durability');
	await server.start();
	const post = (path: string, body: URLSearchParams) =>
		fetch(server.url + path, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				origin: server.url,
				accept: 'text/html'
			},
			body
		});

	const acknowledged: { play: string; question: string }[] = [];
	let killed: Promise<void> | null = null;
	try {
		const plays: string[] = [];
		for (let i = 0; i < STUDENTS; i++) {
			const res = await post('/quiz/mixed?/start', new URLSearchParams());
			plays.push((res.headers.get('location') ?? '').split('/').pop() ?? '');
		}

		// Each student answers question after question; an answer counts as acknowledged only when
		// its 303 arrived. Once enough have, the server is killed while the next ones are in flight.
		await Promise.all(
			plays.map(async (play) => {
				while (!killed) {
					let fields: URLSearchParams | null;
					let status: number;
					try {
						fields = rightAnswerTo(await (await fetch(`${server.url}/play/${play}`)).text());
						if (!fields) return;
						status = (await post(`/play/${play}?/answer`, fields)).status;
					} catch {
						return; // the server is gone: this answer was never acknowledged
					}
					if (status !== 303) throw new Error(`answer refused with ${status}`);
					acknowledged.push({ play, question: fields.get('question') ?? '' });
					if (acknowledged.length >= KILL_AFTER) killed ??= server.kill();
				}
			})
		);
		await killed;
		expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);

		// Started again on the same file, as after a power cut: every acknowledged answer is there.
		await server.start();
		const store = new BetterSqlite3(server.databasePath, { readonly: true });
		try {
			const stored = store.prepare('SELECT 1 FROM answer WHERE play_id = ? AND question_id = ?');
			const lost = acknowledged.filter((a) => stored.get(a.play, a.question) === undefined);
			expect(lost).toEqual([]);
		} finally {
			store.close();
		}
	} finally {
		await server.kill();
	}
});

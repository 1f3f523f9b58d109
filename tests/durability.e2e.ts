import BetterSqlite3 from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { bank } from './support/bank';
import { testPort } from './support/ports';
import { TestServer } from './support/server';

const STUDENTS = 40;
/** Killed once this many answers are acknowledged, with every student's next answer in flight. */
const KILL_AFTER = 150;

/** The right answer to the question the play page shows, as the form would post it. */
function answerTo(html: string): URLSearchParams | null {
	const id = /name="question" value="([^"]+)"/.exec(html)?.[1];
	const q = bank.questions.find((x) => x.id === id);
	if (!q) return null;
	const fields = new URLSearchParams({ question: q.id });
	if (q.type === 'single-choice' || q.type === 'find-the-evidence') fields.set('choice', q.answer);
	if (q.type === 'true-false') fields.set('choice', q.answer ? 'True' : 'False');
	if (q.type === 'select-all') for (const a of q.answers) fields.append('choices', a);
	if (q.type === 'who-said-it') q.pairs.forEach((p, i) => fields.set(`place-${i}`, p.speaker));
	if (q.type === 'fact-or-opinion')
		q.statements.forEach((s, i) => fields.set(`place-${i}`, s.label));
	return fields;
}

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
						fields = answerTo(await (await fetch(`${server.url}/play/${play}`)).text());
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

import { expect, test, type APIRequestContext } from '@playwright/test';
import { PORT } from '../playwright.config';
import { bank } from './support/bank';
import { answerCurrent, currentQuestion } from './support/play';

const ORIGIN = `http://127.0.0.1:${PORT}`;

/** Posts a form action the way a browser without JavaScript would. */
function postForm(
	request: APIRequestContext,
	path: string,
	fields: Record<string, string | string[]>
) {
	const body = new URLSearchParams();
	for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
	return request.post(path, {
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			origin: ORIGIN,
			accept: 'text/html'
		},
		data: body.toString(),
		maxRedirects: 0
	});
}

async function startPlay(request: APIRequestContext, quiz = 'mixed'): Promise<string> {
	const res = await postForm(request, `/quiz/${quiz}?/start`, {});
	expect(res.status()).toBe(303);
	const location = res.headers()['location'] ?? '';
	expect(location).toMatch(/^\/play\/[A-Za-z0-9_-]{22}$/);
	return location.split('/').pop() ?? '';
}

/** The current question's id and a correct answer for it, as form fields. */
async function currentAnswerFields(request: APIRequestContext, playId: string) {
	const html = await (await request.get(`/play/${playId}`)).text();
	const id = /name="question" value="([^"]+)"/.exec(html)?.[1];
	const q = bank.questions.find((x) => x.id === id);
	if (!q) throw new Error('no current question');
	const fields: Record<string, string | string[]> = { question: q.id };
	if (q.type === 'single-choice' || q.type === 'find-the-evidence') fields.choice = q.answer;
	if (q.type === 'true-false') fields.choice = q.answer ? 'True' : 'False';
	if (q.type === 'select-all') fields.choices = q.answers;
	if (q.type === 'who-said-it') q.pairs.forEach((p, i) => (fields[`place-${i}`] = p.speaker));
	if (q.type === 'fact-or-opinion')
		q.statements.forEach((s, i) => (fields[`place-${i}`] = s.label));
	return { q, fields };
}

async function scoreOf(request: APIRequestContext, playId: string): Promise<number> {
	const html = await (await request.get(`/play/${playId}`)).text();
	const m = /Score<\/span> <strong>(\d+)<\/strong>/.exec(html);
	if (!m) throw new Error('no score on the page');
	return Number(m[1]);
}

test('no correct answer or explanation reaches the browser before the question is answered', async ({
	page
}) => {
	const bodies: { url: string; body: string }[] = [];
	page.on('response', async (res) => {
		const type = res.headers()['content-type'] ?? '';
		if (/html|json|javascript/.test(type))
			bodies.push({ url: res.url(), body: await res.text().catch(() => '') });
	});
	const explanationOf = new Map(bank.questions.map((q) => [q.id, q.explanation]));
	const answered = new Set<string>();

	await page.goto('/quiz/mixed');
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	for (let i = 0; i < 10; i++) {
		await page.waitForURL(/\/play\/[^/]+$/);
		const q = await currentQuestion(page);
		// Everything received so far: no explanation of a question not yet answered.
		await page.waitForLoadState('networkidle');
		const leaks = bodies.flatMap(({ url, body }) =>
			[...explanationOf]
				.filter(([id, explanation]) => !answered.has(id) && body.includes(explanation))
				.map(([id]) => `${url} leaked the explanation of ${id}`)
		);
		expect(leaks).toEqual([]);

		await answerCurrent(page, i % 2 === 0);
		answered.add(q.id);
		await page.waitForURL(/\/feedback\/\d+$/);
		await expect(page.getByText(q.explanation)).toBeVisible();
		await page.getByRole('link', { name: /Next question|See your results/ }).click();
	}
	await page.waitForURL(/\/results$/);
	expect(bodies.length).toBeGreaterThan(20);
});

test('the answer page and the results stay closed until the question is answered', async ({
	request
}) => {
	const id = await startPlay(request);
	for (const path of [`/play/${id}/feedback/1`, `/play/${id}/feedback/2`, `/play/${id}/results`]) {
		const res = await request.get(path, { maxRedirects: 0 });
		expect(res.status(), path).toBe(303);
		expect(res.headers()['location']).toBe(`/play/${id}`);
	}
});

test('re-sending an answer counts once, in sequence and at the same moment', async ({
	request
}) => {
	const id = await startPlay(request);
	const { fields } = await currentAnswerFields(request, id);
	const first = await postForm(request, `/play/${id}?/answer`, fields);
	expect(first.status()).toBe(303);
	const score = await scoreOf(request, id);
	expect(score).toBeGreaterThan(0);

	// The back button or a retry sends the same answer again: it leads to the same feedback.
	const again = await postForm(request, `/play/${id}?/answer`, fields);
	expect(again.status()).toBe(303);
	expect(again.headers()['location']).toBe(`/play/${id}/feedback/1`);
	expect(await scoreOf(request, id)).toBe(score);

	// A double click: two copies of the next answer race each other.
	const next = await currentAnswerFields(request, id);
	const both = await Promise.all(
		[1, 2, 3].map(() => postForm(request, `/play/${id}?/answer`, next.fields))
	);
	for (const res of both) expect(res.headers()['location']).toBe(`/play/${id}/feedback/2`);
	const html = await (await request.get(`/play/${id}`)).text();
	expect(html).toContain('<strong>3 of 10</strong>');
	expect(await scoreOf(request, id)).toBeGreaterThan(score);
	expect(await scoreOf(request, id)).toBeLessThanOrEqual(score + 350);
});

test.describe('bad requests get a 4xx with a message a person can act on', () => {
	test('a question that is not the current one', async ({ request }) => {
		// A comparison play holds only comparison questions, so any other skill's question is outside it.
		const id = await startPlay(request, 'skill-comparing-coverage');
		const notInPlay = bank.questions.find((q) => q.skill !== 'comparing-coverage');
		const res = await postForm(request, `/play/${id}?/answer`, {
			question: notInPlay?.id ?? 'x',
			choice: 'True'
		});
		expect(res.status()).toBe(400);
		expect(await res.text()).toContain('That question is not part of this play.');
	});

	test('a later question of the same play', async ({ request }) => {
		// A comparison play asks every comparison question, so the later ones are known.
		const id = await startPlay(request, 'skill-comparing-coverage');
		const html = await (await request.get(`/play/${id}`)).text();
		const current = /name="question" value="([^"]+)"/.exec(html)?.[1];
		const later = bank.questions.filter(
			(q) => q.skill === 'comparing-coverage' && q.id !== current
		);
		const res = await postForm(request, `/play/${id}?/answer`, {
			question: later[0].id,
			choice: 'True'
		});
		expect(res.status()).toBe(409);
		expect(await res.text()).toMatch(
			/That is question \d+, but this play is on question 1\. Answer the questions in order\./
		);
	});

	test('an answer after the play has finished', async ({ request }) => {
		const id = await startPlay(request, 'skill-context');
		let lastFields: Record<string, string | string[]> = {};
		for (;;) {
			// A finished play's page leads to its results.
			const page = await request.get(`/play/${id}`);
			if (page.url().endsWith('/results')) break;

			const { fields } = await currentAnswerFields(request, id);
			lastFields = fields;
			expect((await postForm(request, `/play/${id}?/answer`, fields)).status()).toBe(303);
		}
		const late = { question: 'mj-anything', choice: 'True' };
		// Sent by the page's script, the answer is refused with a message the page shows.
		const res = await request.post(`/play/${id}?/answer`, {
			headers: { origin: ORIGIN, 'x-sveltekit-action': 'true', accept: 'application/json' },
			form: late,
			maxRedirects: 0
		});
		const result = (await res.json()) as { type: string; status: number; data: string };
		expect([result.type, result.status]).toEqual(['failure', 409]);
		expect(result.data).toContain('This play is finished, so it takes no more answers.');
		// Sent as a plain form, it counts for nothing and leads to the results.
		const plain = await postForm(request, `/play/${id}?/answer`, late);
		expect([plain.status(), plain.headers()['location']]).toEqual([303, `/play/${id}/results`]);
		// The last answer sent again is still a harmless repeat.
		expect((await postForm(request, `/play/${id}?/answer`, lastFields)).status()).toBe(303);
	});

	test('malformed answers', async ({ request }) => {
		const id = await startPlay(request);
		const { q, fields } = await currentAnswerFields(request, id);
		const cases: [Record<string, string | string[]>, RegExp][] = [
			[{}, /did not say which question/],
			[{ question: q.id }, /Choose an answer|Tick at least one|Give an answer for every/],
			[
				{
					question: q.id,
					choice: 'not an option',
					choices: 'not an option',
					'place-0': 'Nobody',
					'place-1': 'Nobody',
					'place-2': 'Nobody',
					'place-3': 'Nobody',
					'place-4': 'Nobody',
					'place-5': 'Nobody'
				},
				/not one of this question|not part of this question|not among this question/
			]
		];
		for (const [body, message] of cases) {
			const res = await postForm(request, `/play/${id}?/answer`, body);
			expect(res.status(), JSON.stringify(body)).toBe(400);
			const text = await res.text();
			expect(text).toMatch(message);
			expect(text).not.toMatch(/at .*\.js:\d+/);
		}
		// Nothing was recorded: the right answer still counts in full.
		expect((await postForm(request, `/play/${id}?/answer`, fields)).status()).toBe(303);
	});

	test('unknown and malformed plays, quizzes and articles', async ({ request }) => {
		for (const path of [
			'/play/AAAAAAAAAAAAAAAAAAAAAA',
			'/play/not-a-play',
			'/quiz/nope',
			'/articles/nope',
			'/play/AAAAAAAAAAAAAAAAAAAAAA/results'
		]) {
			const res = await request.get(path);
			expect(res.status(), path).toBe(404);
			expect(await res.text()).toMatch(/does not exist|could not find|no quiz|no article/i);
		}
		const res = await postForm(request, '/play/AAAAAAAAAAAAAAAAAAAAAA?/answer', { question: 'x' });
		expect(res.status()).toBe(404);
	});

	test('a JSON body or a cross-site post is refused without a crash', async ({ request }) => {
		const id = await startPlay(request);
		const json = await request.post(`/play/${id}?/answer`, {
			headers: { 'content-type': 'application/json', origin: ORIGIN },
			data: { question: 'x' }
		});
		expect(json.status()).toBeGreaterThanOrEqual(400);
		expect(json.status()).toBeLessThan(500);
		const cross = await request.post(`/play/${id}?/answer`, {
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				origin: 'http://evil.example'
			},
			data: 'question=x'
		});
		expect(cross.status()).toBe(403);
	});
});

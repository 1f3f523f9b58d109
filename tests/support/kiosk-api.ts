import { expect, type APIRequestContext } from '@playwright/test';
import type { Question } from '../../src/lib/bank/schema';
import { question } from './bank';

/** Posts a form the way a browser without JavaScript would, from the kiosk's own origin. */
export function postForm(
	request: APIRequestContext,
	url: string,
	fields: Record<string, string | string[]>
) {
	const body = new URLSearchParams();
	for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
	return request.post(url, {
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			origin: new URL(url).origin,
			accept: 'text/html'
		},
		data: body.toString(),
		maxRedirects: 0
	});
}

/** Starts a round on the kiosk at `address`; returns the round's address. */
export async function startRound(request: APIRequestContext, address: string): Promise<string> {
	const res = await postForm(request, `${address}?/start`, {});
	expect(res.status()).toBe(303);
	const location = res.headers()['location'] ?? '';
	expect(location).toMatch(/\/play\/[A-Za-z0-9_-]{22}$/);
	return new URL(location, address).href;
}

/** The form fields that answer `q` fully right, or wrong everywhere. */
function answerFields(q: Question, right: boolean): Record<string, string | string[]> {
	const other = (options: readonly string[], not: string) => options.find((o) => o !== not) ?? not;
	const fields: Record<string, string | string[]> = { question: q.id };
	switch (q.type) {
		case 'single-choice':
		case 'find-the-evidence':
			fields.choice = right ? q.answer : other(q.options, q.answer);
			break;
		case 'true-false':
			fields.choice = q.answer === right ? 'True' : 'False';
			break;
		case 'select-all':
			fields.choices = right ? q.answers : q.options.filter((o) => !q.answers.includes(o));
			break;
		case 'who-said-it': {
			const speakers = [...q.pairs.map((p) => p.speaker), ...q.distractors];
			q.pairs.forEach(
				(p, i) => (fields[`place-${i}`] = right ? p.speaker : other(speakers, p.speaker))
			);
			break;
		}
		case 'fact-or-opinion':
			q.statements.forEach(
				(st, i) => (fields[`place-${i}`] = right ? st.label : other(q.labels, st.label))
			);
			break;
	}
	return fields;
}

/** Answers every question of a round through the form actions; returns the end page. */
export async function finishRound(
	request: APIRequestContext,
	round: string,
	rightAt: (i: number) => boolean = () => true
): Promise<string> {
	for (let i = 0; ; i++) {
		const res = await request.get(round, { maxRedirects: 0 });
		if (res.status() === 303) return new URL(res.headers()['location'] ?? '', round).href;
		const id = /name="question" value="([^"]+)"/.exec(await res.text())?.[1];
		const fields = answerFields(question(id ?? ''), rightAt(i));
		expect((await postForm(request, `${round}?/answer`, fields)).status()).toBe(303);
	}
}

/** Puts rounds on the kiosk's board as other players would: `rightAnswers` right, then wrong. */
export async function seedBoard(
	request: APIRequestContext,
	address: string,
	players: { initials: string; rightAnswers: number }[]
): Promise<void> {
	for (const { initials, rightAnswers } of players) {
		const round = await startRound(request, address);
		const end = await finishRound(request, round, (i) => i < rightAnswers);
		const posted = await postForm(request, `${end}?/post`, { initials });
		expect(posted.status()).toBe(303);
	}
}

import { describe, expect, it, vi } from 'vitest';
import { patientFetch } from './patient-fetch';

const origin = 'http://kiosk.test';

function setup(responses: (Response | Error)[]) {
	const calls: string[] = [];
	const real = vi.fn(async (input: RequestInfo | URL) => {
		calls.push(String(input));
		const next = responses.shift();
		if (!next) throw new Error('no more responses');
		if (next instanceof Error) throw next;
		return next;
	}) as unknown as typeof fetch;
	const waiting: boolean[] = [];
	const sleeps: number[] = [];
	const fetch = patientFetch(real, {
		origin,
		onWaiting: (w) => waiting.push(w),
		sleep: async (ms) => {
			sleeps.push(ms);
		}
	});
	return { fetch, calls, waiting, sleeps };
}

describe('patientFetch', () => {
	it('passes a reachable server’s answer straight through, errors included', async () => {
		const { fetch, waiting } = setup([new Response('gone', { status: 404 })]);
		const res = await fetch(`${origin}/x`);
		expect(res.status).toBe(404);
		expect(waiting).toEqual([]);
	});

	it('waits through refused connections and gateway errors, then answers', async () => {
		const { fetch, calls, waiting, sleeps } = setup([
			new TypeError('Failed to fetch'),
			new Response('', { status: 502 }),
			new TypeError('Failed to fetch'),
			new TypeError('Failed to fetch'),
			new TypeError('Failed to fetch'),
			new Response('ok')
		]);
		const res = await fetch('/kiosk/x/__data.json', { method: 'POST' });
		expect(await res.text()).toBe('ok');
		expect(calls).toHaveLength(6);
		expect(waiting).toEqual([true, false]);
		expect(sleeps).toEqual([500, 1000, 2000, 3000, 3000]);
	});

	it('reports waiting once while several requests wait', async () => {
		const { fetch, waiting } = setup([
			new TypeError('down'),
			new TypeError('down'),
			new Response('a'),
			new Response('b')
		]);
		await Promise.all([fetch('/a'), fetch('/b')]);
		expect(waiting).toEqual([true, false]);
	});

	it('stops when the request is aborted', async () => {
		const controller = new AbortController();
		const { fetch, waiting } = setup([new TypeError('down'), new TypeError('down')]);
		const pending = fetch('/a', { signal: controller.signal });
		controller.abort();
		await expect(pending).rejects.toThrow(/aborted/);
		expect(waiting.at(-1) ?? false).toBe(false);
	});

	it('leaves other origins alone', async () => {
		const { fetch } = setup([new TypeError('down')]);
		await expect(fetch('http://elsewhere.test/x')).rejects.toThrow('down');
	});
});

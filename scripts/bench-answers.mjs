// npm run bench: how many answers a second the production server grades and durably stores.
// Starts `node build` on a fresh SQLite file, plays many quizzes at once over loopback HTTP, and
// prints throughput and latency. Run `npm run build` first.
import { startBenchServer } from './bench-server.mjs';

const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 40);
const bench = await startBenchServer(4499);
const { origin: ORIGIN, post } = bench;

/** One student: start the mixed quiz and answer every question with its first offered choice. */
async function student(latencies) {
	const start = await post('/quiz/mixed?/start', {});
	const playPath = start.headers.get('location');
	for (;;) {
		const html = await (await fetch(ORIGIN + playPath)).text();
		const id = /name="question" value="([^"]+)"/.exec(html)?.[1];
		if (!id) return;
		const fields = new URLSearchParams({ question: id });
		const choice = /name="choice" value="([^"]*)"/.exec(html)?.[1];
		const tick = /name="choices" value="([^"]*)"/.exec(html)?.[1];
		const places = [...html.matchAll(/name="(place-\d+)"[^>]*value="([^"]+)"/g)];
		const selects = [...html.matchAll(/<select id="(place-\d+)"[\s\S]*?<option value="([^"]+)"/g)];
		if (choice !== undefined) fields.set('choice', decode(choice));
		if (tick !== undefined) fields.set('choices', decode(tick));
		for (const [, name, value] of [...places, ...selects])
			if (!fields.has(name)) fields.set(name, decode(value));
		const t0 = performance.now();
		const res = await post(playPath + '?/answer', fields);
		latencies.push(performance.now() - t0);
		if (res.status !== 303) throw new Error(`answer refused: ${res.status}`);
	}
}

const decode = (s) =>
	s
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>');

try {
	const latencies = [];
	const t0 = performance.now();
	await Promise.all(Array.from({ length: STUDENTS }, () => student(latencies)));
	const seconds = (performance.now() - t0) / 1000;
	latencies.sort((a, b) => a - b);
	const pct = (p) =>
		latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
	console.log(
		`${STUDENTS} students answered ${latencies.length} questions in ${seconds.toFixed(2)} s`
	);
	console.log(
		`throughput: ${(latencies.length / seconds).toFixed(0)} answers/s (each committed with synchronous=FULL)`
	);
	console.log(
		`answer latency: p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${latencies.at(-1).toFixed(1)} ms`
	);
} finally {
	bench.stop();
}

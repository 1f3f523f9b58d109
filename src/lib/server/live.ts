import type { App } from './app';

/** How often an idle stream sends a comment, so proxies and browsers keep it open. */
const KEEPALIVE_MS = 20_000;

/**
 * A server-sent event stream that says "changed" whenever `topic` is published on the bus (by any
 * instance), until the browser goes away. The page then reloads its data the ordinary way, so the
 * stream never carries anything the page's own load would not show.
 */
export function liveStream(app: App, topic: string, signal: AbortSignal): Response {
	const encoder = new TextEncoder();
	let stop = () => {};
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			const send = (text: string) => {
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					stop();
				}
			};
			// Answers often arrive in bursts: one reload for everything in the same 250 ms.
			let pending: ReturnType<typeof setTimeout> | null = null;
			const unsubscribe = app.bus.subscribe(topic, () => {
				pending ??= setTimeout(() => {
					pending = null;
					send('event: changed\ndata: {}\n\n');
				}, 250);
			});
			const keepalive = setInterval(() => send(': keepalive\n\n'), KEEPALIVE_MS);
			stop = () => {
				unsubscribe();
				clearInterval(keepalive);
				if (pending) clearTimeout(pending);
				try {
					controller.close();
				} catch {
					// Already closed by the browser going away.
				}
			};
			signal.addEventListener('abort', () => stop(), { once: true });
			// Retry after 2 s if the connection drops; the first line opens the stream at once.
			send('retry: 2000\n: open\n\n');
		},
		cancel() {
			stop();
		}
	});
	return new Response(body, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-store',
			// nginx: pass each event on at once instead of buffering the stream.
			'x-accel-buffering': 'no'
		}
	});
}

/** How often a page reloads its data while the live stream is down. */
const POLL_MS = 4000;

/**
 * Keeps a page's data current: `refresh` runs each time the server's stream at `url` says
 * something changed (an answer or a join stored on any instance), and every few seconds while that
 * stream is down and the page is in view. `streaming` hears whether the stream is open. Returns
 * the function that stops both.
 */
export function liveReload(
	url: string,
	refresh: () => void,
	streaming: (open: boolean) => void = () => {}
): () => void {
	const events = new EventSource(url);
	events.addEventListener('changed', refresh);
	events.addEventListener('open', () => streaming(true));
	events.addEventListener('error', () => streaming(events.readyState === EventSource.OPEN));
	const timer = setInterval(() => {
		if (events.readyState !== EventSource.OPEN && document.visibilityState === 'visible') refresh();
	}, POLL_MS);
	return () => {
		events.close();
		clearInterval(timer);
	};
}

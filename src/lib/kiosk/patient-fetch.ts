/** Statuses a reverse proxy answers with while the app behind it is down or restarting. */
const GATEWAY_DOWN = new Set([502, 503, 504]);

/** Waits between attempts, in ms: quick at first, then every few seconds. */
export const RETRY_DELAYS = [500, 1000, 2000, 3000];

export interface PatientFetchOptions {
	/** Only requests to this origin wait; others pass straight through. */
	origin: string;
	/** Told true when a request starts waiting for the server, false once none is waiting. */
	onWaiting: (waiting: boolean) => void;
	sleep?: (ms: number) => Promise<void>;
}

function isAbort(error: unknown): boolean {
	return error instanceof Error && error.name === 'AbortError';
}

/**
 * A fetch for an unattended screen: when the server cannot be reached (connection refused, a
 * gateway error while it restarts), the request waits and tries again until it gets through,
 * instead of failing into an error page nobody is there to dismiss. Repeating a request is safe
 * here because the server treats a repeated answer, start or post as the same one.
 */
export function patientFetch(real: typeof fetch, options: PatientFetchOptions): typeof fetch {
	const sleep = options.sleep ?? ((ms) => new Promise<void>((done) => setTimeout(done, ms)));
	let waiting = 0;
	const setWaiting = (delta: number) => {
		const before = waiting > 0;
		waiting += delta;
		if (before !== waiting > 0) options.onWaiting(waiting > 0);
	};

	return async (input, init) => {
		const url = new URL(input instanceof Request ? input.url : String(input), options.origin);
		if (url.origin !== options.origin) return real(input, init);
		let attempt = 0;
		let counted = false;
		try {
			for (;;) {
				try {
					const response = await real(input instanceof Request ? input.clone() : input, init);
					if (!GATEWAY_DOWN.has(response.status)) return response;
				} catch (error) {
					if (isAbort(error)) throw error;
				}
				if (init?.signal?.aborted) throw new DOMException('The request was aborted.', 'AbortError');
				if (!counted) setWaiting(1);
				counted = true;
				await sleep(RETRY_DELAYS[Math.min(attempt, RETRY_DELAYS.length - 1)]);
				attempt++;
			}
		} finally {
			if (counted) setWaiting(-1);
		}
	};
}

import { ServerResponse } from 'node:http';

/**
 * The headers every response carries: pages, error pages, plain-text refusals and the static files
 * under `/_app`. Pages also get a Content-Security-Policy from SvelteKit (`svelte.config.js`).
 */
export const BASELINE_HEADERS: Readonly<Record<string, string>> = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'same-origin',
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
	'X-Frame-Options': 'DENY',
	'Cross-Origin-Resource-Policy': 'same-origin'
};

export function applyBaselineHeaders(headers: Headers): void {
	for (const [name, value] of Object.entries(BASELINE_HEADERS))
		if (!headers.has(name)) headers.set(name, value);
}

let installed = false;

/**
 * adapter-node serves `/_app` files (and answers requests it cannot parse) before any SvelteKit
 * hook runs, so a `handle` cannot add headers to them. Every Node response goes through
 * `writeHead`, explicitly or implicitly, so the baseline is added there, for headers not already
 * set. Installed once at start-up by `hooks.server.ts` `init`.
 */
export function installBaselineHeaders(): void {
	if (installed) return;
	installed = true;
	const writeHead = ServerResponse.prototype.writeHead;
	ServerResponse.prototype.writeHead = function (
		this: ServerResponse,
		...args: Parameters<typeof writeHead>
	) {
		if (!this.headersSent)
			for (const [name, value] of Object.entries(BASELINE_HEADERS))
				if (!this.hasHeader(name)) this.setHeader(name, value);
		return writeHead.apply(this, args);
	} as typeof writeHead;
}

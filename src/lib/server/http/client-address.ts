import type { RequestEvent } from '@sveltejs/kit';

/**
 * The address that rate limits and caps count against. Behind a proxy (ADDRESS_HEADER), a request
 * that did not come through it has no address header and SvelteKit's `getClientAddress` throws;
 * such requests share one address here instead of failing with a 500.
 */
export function clientAddress(event: Pick<RequestEvent, 'getClientAddress'>): string {
	try {
		return event.getClientAddress() || 'unknown';
	} catch {
		return 'unknown';
	}
}

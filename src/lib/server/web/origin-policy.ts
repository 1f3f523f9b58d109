/**
 * Byline's one rule for writes (POST, PUT, PATCH, DELETE), forms and JSON alike: the browser puts
 * the page's origin in the `Origin` header, and a page on another site cannot forge it. A write is
 * accepted when that origin is Byline's own: the configured public URL when there is one (behind a
 * proxy it alone decides), otherwise the host the request was sent to. Comparing hosts, not
 * schemes, is what makes plain http work with no settings: without a configured URL the server
 * cannot know the scheme the browser used, but another site can never share its host and port.
 */

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface WriteRequest {
	method: string;
	/** The `Origin` header, or null when the request had none. */
	origin: string | null;
	/** The host (and port) the request was sent to, as in the `Host` header. */
	host: string;
}

export function isWrite(method: string): boolean {
	return WRITES.has(method.toUpperCase());
}

/** The origin of a URL, or null for anything that is not an absolute http(s) URL. */
export function originOf(value: string): URL | null {
	if (!URL.canParse(value)) return null;
	const url = new URL(value);
	return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}

/** True when the request may change data; reads are always allowed. Never throws. */
export function writeAllowed(request: WriteRequest, publicUrl: URL | null): boolean {
	if (!isWrite(request.method)) return true;
	if (!request.origin) return false;
	const from = originOf(request.origin);
	if (!from) return false;
	if (publicUrl) return from.origin === publicUrl.origin;
	return from.host.toLowerCase() === request.host.toLowerCase();
}

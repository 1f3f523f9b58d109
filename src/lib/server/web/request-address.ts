import { config } from '../config';
import { studentAddress, type StudentAddress } from './addresses';

/**
 * Whether the browser reached Byline over https. With no public URL and no proxy header the Node
 * adapter guesses https, yet a server started on its own is plain http; believing the guess would
 * mark cookies `Secure` and a phone on the school network would drop them.
 */
export function servedOverHttps(url: URL): boolean {
	if (config.publicUrl) return config.publicUrl.protocol === 'https:';
	if (config.protocolHeader) return url.protocol === 'https:';
	return false;
}

/** The origin for join links and QR codes, as seen from the request the teacher made. */
export function studentAddressFor(url: URL): StudentAddress {
	return studentAddress(config.publicUrl, {
		protocol: servedOverHttps(url) ? 'https:' : 'http:',
		host: url.host,
		hostname: url.hostname,
		port: url.port
	});
}

import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

/**
 * Where students can reach this server. A teacher who opens Byline at `localhost` must still hand
 * out an address a phone on the school network can open, so loopback hosts are swapped for the
 * machine's network address.
 */

export type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

const LOOPBACK_NAMES = new Set(['localhost', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
	const name = hostname.toLowerCase();
	return (
		LOOPBACK_NAMES.has(name) || name.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(name)
	);
}

/** The machine's addresses other devices could use: IPv4 first, then global IPv6; never loopback or link-local. */
export function networkAddresses(interfaces: Interfaces = networkInterfaces()): string[] {
	const found = Object.values(interfaces)
		.flat()
		.filter((i): i is NetworkInterfaceInfo => !!i && !i.internal)
		.filter((i) => !(i.family === 'IPv6' && /^fe80:/i.test(i.address)))
		.filter((i) => !(i.family === 'IPv4' && i.address.startsWith('169.254.')));
	const v4 = found.filter((i) => i.family === 'IPv4').map((i) => i.address);
	const v6 = found.filter((i) => i.family === 'IPv6').map((i) => `[${i.address}]`);
	return [...new Set([...v4, ...v6])];
}

export interface StudentAddress {
	/** The origin students should open, such as `http://192.168.1.20:3000`. */
	origin: string;
	/** True when the teacher's own address was swapped for the machine's network address. */
	swappedLoopback: boolean;
}

/**
 * The origin to put in join links and QR codes: the configured public URL; else the address the
 * teacher's browser used; else, when that is loopback, the machine's first network address.
 */
export function studentAddress(
	publicUrl: URL | null,
	requested: { protocol: string; host: string; hostname: string; port: string },
	interfaces?: Interfaces
): StudentAddress {
	if (publicUrl) return { origin: publicUrl.origin, swappedLoopback: false };
	const asked = `${requested.protocol}//${requested.host}`;
	if (!isLoopbackHost(requested.hostname)) return { origin: asked, swappedLoopback: false };
	const [network] = networkAddresses(interfaces);
	if (!network) return { origin: asked, swappedLoopback: false };
	const port = requested.port ? `:${requested.port}` : '';
	return { origin: `${requested.protocol}//${network}${port}`, swappedLoopback: true };
}

/** The lines the server prints at start-up, like a dev server's "Local" and "Network". */
export function listeningAddresses(
	host: string,
	port: number,
	interfaces?: Interfaces
): { local: string[]; network: string[] } {
	const url = (h: string) => `http://${h}:${port}/`;
	const all = host === '0.0.0.0' || host === '::' || host === '';
	if (!all) {
		const shown = host.includes(':') ? `[${host}]` : host;
		return isLoopbackHost(shown)
			? { local: [url(shown)], network: [] }
			: { local: [], network: [url(shown)] };
	}
	const network = networkAddresses(interfaces).filter((a) => host === '::' || !a.startsWith('['));
	return { local: [url('localhost')], network: network.map(url) };
}

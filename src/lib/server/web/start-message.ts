import { listeningAddresses } from './addresses';

/** What a teacher starting Byline needs to know: where to open it, and what the class opens. */
export function printAddresses(host: string, port: number): void {
	const { local, network } = listeningAddresses(host, port);
	const lines = ['', '  Byline is starting. Open it at:'];
	for (const url of local) lines.push(`  Local:    ${url}`);
	for (const url of network) lines.push(`  Network:  ${url}`);
	if (network.length) lines.push('  Students on the same network open a Network address.');
	else if (host === '0.0.0.0' || host === '::')
		lines.push('  No network found: only this computer can open Byline for now.');
	console.log(lines.join('\n') + '\n');
}

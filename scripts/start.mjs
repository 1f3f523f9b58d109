// npm start: the production server in build/, on every address of the machine, IPv6 included
// where the machine has it (a plain `node build` listens on IPv4 only).
import { networkInterfaces } from 'node:os';
import { existsSync } from 'node:fs';

const build = new URL('../build/index.js', import.meta.url);
if (!existsSync(build)) {
	console.error('There is no build yet. Run `npm run build` first, then `npm start`.');
	process.exit(1);
}

const hasIPv6 = Object.values(networkInterfaces())
	.flat()
	.some((i) => i?.family === 'IPv6');
process.env.HOST ||= hasIPv6 ? '::' : '0.0.0.0';

await import(build.href);

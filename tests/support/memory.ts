import { readFileSync } from 'node:fs';

/** A process's resident memory in MiB, from /proc (Linux), or null elsewhere. */
export function residentMiB(pid: number | undefined): number | null {
	if (!pid) return null;
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = Number(status.match(/^VmRSS:\s+(\d+) kB/m)?.[1]);
		return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
	} catch {
		return null;
	}
}

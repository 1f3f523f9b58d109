// npm run db:copy -- --from data/byline.db --to postgres://user:password@host/byline
// Copies every table of one store into another (a SQLite file into PostgreSQL, or back), checks
// that each table has as many rows on both sides, and refuses a target that already holds data.
// Stop the server (or every instance) first, so nothing is written during the copy.
import { openStore } from '../src/lib/server/db/connection';
import { copyStore, countRows, nonEmptyTables } from '../src/lib/server/db/copy';

function option(name: string): string {
	const i = process.argv.indexOf(`--${name}`);
	const value = i >= 0 ? process.argv[i + 1] : undefined;
	if (!value || value.startsWith('--')) {
		console.error(
			'Usage: npm run db:copy -- --from data/byline.db --to postgres://user:password@host/byline'
		);
		process.exit(2);
	}
	return value;
}

/** A URL's password is not printed. */
function shown(location: string): string {
	return location.replace(/(\/\/[^:/@]+):[^@]*@/, '$1:…@');
}

const from = option('from');
const to = option('to');
const source = await openStore(from);
const target = await openStore(to);
try {
	const full = await nonEmptyTables(target);
	if (full.length > 0) {
		console.error(
			`Refusing to copy: ${shown(to)} already holds data (${full.join(', ')}). Copy into a new, empty database.`
		);
		process.exitCode = 1;
	} else {
		const copied = await copyStore(source, target);
		let mismatched = 0;
		for (const { table, rows } of copied) {
			const there = await countRows(target, table);
			const ok = there === rows;
			if (!ok) mismatched++;
			console.log(`${ok ? 'ok      ' : 'MISMATCH'} ${table.padEnd(28)} ${rows} → ${there}`);
		}
		if (mismatched > 0) {
			console.error(`${mismatched} table(s) differ: do not switch to ${shown(to)}.`);
			process.exitCode = 1;
		} else
			console.log(
				`Copied ${shown(from)} into ${shown(to)}; every table has the same number of rows. Start Byline with BYLINE_DATABASE=${shown(to)}.`
			);
	}
} finally {
	await source.destroy();
	await target.destroy();
}

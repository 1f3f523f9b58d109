// npm run --silent questions:export — prints the bank as one JSON document and nothing else.
import { exportBank } from '../src/lib/bank/export';
import { loadBank } from '../src/lib/server/bank/load';
import { formatProblems } from '../src/lib/bank/problems';

const result = loadBank(process.argv[2] ?? 'questions');
if (!result.ok) {
	console.error(formatProblems(result.problems));
	process.exit(1);
}
process.stdout.write(JSON.stringify(exportBank(result.bank), null, 2) + '\n');

// npm run questions:check [folder] — validates the whole bank; exits 1 and lists every problem if it is broken.
// npm run questions:check -- --set <folder> — checks one exported set (a teacher's article and its
// questions) by every rule except the whole bank's minimums, before it is added to the bank.
import { loadBank } from '../src/lib/server/bank/load';
import { formatProblems } from '../src/lib/bank/problems';
import { formatGuessingFigures } from '../src/lib/bank/solver';

const args = process.argv.slice(2);
const isSet = args.includes('--set');
const folder = args.find((a) => a !== '--set') ?? 'questions';
const result = loadBank(folder, isSet ? { coverage: null } : {});
if (!result.ok) {
	console.error(formatProblems(result.problems));
	process.exit(1);
}
const { articles, questions } = result.bank;
console.log(
	`The ${isSet ? 'set' : 'question bank'} is valid: ${questions.length} questions on ${articles.length} articles.`
);
console.log(formatGuessingFigures(questions));

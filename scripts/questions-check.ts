// npm run questions:check [folder] — validates the whole bank; exits 1 and lists every problem if it is broken.
import { loadBank } from '../src/lib/server/bank/load';
import { formatProblems } from '../src/lib/bank/problems';
import { formatGuessingFigures } from '../src/lib/bank/solver';

const result = loadBank(process.argv[2] ?? 'questions');
if (!result.ok) {
	console.error(formatProblems(result.problems));
	process.exit(1);
}
const { articles, questions } = result.bank;
console.log(
	`The question bank is valid: ${questions.length} questions on ${articles.length} articles.`
);
console.log(formatGuessingFigures(questions));

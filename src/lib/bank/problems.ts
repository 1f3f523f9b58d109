/** One thing wrong with the bank, where it is and how to fix it. */
export interface BankProblem {
	file: string;
	line: number;
	column: number;
	message: string;
}

export function formatProblem(p: BankProblem): string {
	return `${p.file}:${p.line}:${p.column}: ${p.message}`;
}

export function formatProblems(problems: readonly BankProblem[]): string {
	const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
	return `The question bank has ${count}:\n${problems.map((p) => '  ' + formatProblem(p)).join('\n')}`;
}

/** Thrown when the app or the build is started on a broken bank; the message lists every problem. */
export class BrokenBankError extends Error {
	constructor(readonly problems: readonly BankProblem[]) {
		super(formatProblems(problems));
		this.name = 'BrokenBankError';
	}
}

import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { BankProblem } from './problems.ts';

export type Path = readonly (string | number)[];

/** A parsed YAML file that can say where any of its values stands. */
export class YamlSource {
	readonly doc: Document;
	private readonly lines = new LineCounter();

	constructor(
		readonly file: string,
		source: string
	) {
		this.doc = parseDocument(source, { lineCounter: this.lines, prettyErrors: false });
	}

	syntaxProblems(): BankProblem[] {
		return this.doc.errors.map((e) => {
			const pos = this.lines.linePos(e.pos[0]);
			return {
				file: this.file,
				line: pos.line,
				column: pos.col,
				message: `YAML syntax: ${e.message.split('\n')[0]} — check quoting and indentation here`
			};
		});
	}

	value(): unknown {
		return this.doc.toJS();
	}

	/** Line and column of the value at `path`, or of its nearest ancestor that exists. */
	where(path: Path): { line: number; column: number } {
		for (let n = path.length; n >= 0; n--) {
			const node =
				path.length === 0 && n === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, n), true);
			const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
			if (range) {
				const pos = this.lines.linePos(range[0]);
				return { line: pos.line, column: pos.col };
			}
		}
		return { line: 1, column: 1 };
	}

	problem(path: Path, message: string): BankProblem {
		return { file: this.file, ...this.where(path), message };
	}

	/** Schema issues as problems, each at the line of the field it is about. */
	schemaProblems(error: z.ZodError, base: Path = []): BankProblem[] {
		return error.issues.map((issue) => {
			const path = [...base, ...(issue.path as (string | number)[])];
			const field = issue.path.length > 0 ? `"${issue.path.join('.')}"` : 'this entry';
			return this.problem(path, describeIssue(issue, field));
		});
	}
}

function describeIssue(issue: z.core.$ZodIssue, field: string): string {
	if (issue.input === undefined && issue.code !== 'unrecognized_keys' && issue.code !== 'custom') {
		return `${field} is missing — add it (see docs/QUESTIONS.md)`;
	}
	if (issue.code === 'unrecognized_keys') {
		return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} in ${field} — check the spelling against docs/QUESTIONS.md`;
	}
	if (issue.code === 'invalid_value' && 'values' in issue) {
		return `${field}: ${JSON.stringify(issue.input)} is not allowed — use one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
	}
	return `${field}: ${issue.message}`;
}

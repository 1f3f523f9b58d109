import type { Question } from '$lib/bank/schema';

/** One line of a question laid open for reading: an option, quote or statement, and what it is. */
export interface ReadOnlyLine {
	text: string;
	/** "right", the speaker, the label; '' for a wrong option. */
	note: string;
}

/** What a teacher reading another's question sees under its prompt, right answers marked. */
export function readOnlyLines(q: Question): ReadOnlyLine[] {
	switch (q.type) {
		case 'single-choice':
		case 'find-the-evidence':
			return q.options.map((text) => ({ text, note: text === q.answer ? 'right' : '' }));
		case 'select-all':
			return q.options.map((text) => ({ text, note: q.answers.includes(text) ? 'right' : '' }));
		case 'true-false':
			return [{ text: q.answer ? 'True' : 'False', note: 'right' }];
		case 'who-said-it':
			return [
				...q.pairs.map((p) => ({ text: p.quote, note: p.speaker })),
				...q.distractors.map((d) => ({ text: d, note: 'another speaker to choose from' }))
			];
		case 'fact-or-opinion':
			return q.statements.map((s) => ({ text: s.text, note: s.label }));
	}
}

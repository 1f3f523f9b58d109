import { bank } from './bank';

/** The right answer to the question a play page shows, as its form would post it; null when none. */
export function rightAnswerTo(html: string): URLSearchParams | null {
	const id = /name="question" value="([^"]+)"/.exec(html)?.[1];
	const q = bank.questions.find((x) => x.id === id);
	if (!q) return null;
	const fields = new URLSearchParams({ question: q.id });
	if (q.type === 'single-choice' || q.type === 'find-the-evidence') fields.set('choice', q.answer);
	if (q.type === 'true-false') fields.set('choice', q.answer ? 'True' : 'False');
	if (q.type === 'select-all') for (const a of q.answers) fields.append('choices', a);
	if (q.type === 'who-said-it') q.pairs.forEach((p, i) => fields.set(`place-${i}`, p.speaker));
	if (q.type === 'fact-or-opinion')
		q.statements.forEach((s, i) => fields.set(`place-${i}`, s.label));
	return fields;
}

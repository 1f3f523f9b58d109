/**
 * When a student may see the right answers, the explanations and the evidence (an assignment
 * setting): after each question, at the end of each attempt, after the last attempt, or when the
 * assignment closes. A verdict ("Right", "Not right") follows the feedback setting on its own.
 */
export const REVEAL_WHEN = ['question', 'attempt', 'last-attempt', 'closed'] as const;
export type RevealWhen = (typeof REVEAL_WHEN)[number];

/** What a play's owner says about revealing, at the moment a page asks. */
export interface RevealRule {
	when: RevealWhen;
	/** How many attempts a student has: with 'last-attempt', the last one reveals. */
	attempts: number;
	/** The owner takes no more answers (closed by the teacher or past its close time). */
	closed: boolean;
	/** The student has finished their last attempt in another play (which opens this one too). */
	lastAttemptFinished?: boolean;
}

/** Quizzes from the home page and kiosk rounds: every answer is laid open once it is given. */
export const REVEAL_EACH_ANSWER: RevealRule = { when: 'question', attempts: 1, closed: false };

/** The choice as a teacher reads it on the settings form. */
export const REVEAL_LABELS: Record<RevealWhen, string> = {
	question: 'After each question',
	attempt: 'At the end of each attempt',
	'last-attempt': 'After the last attempt',
	closed: 'When the assignment closes'
};

/** The plain sentence a student reads while the answers are withheld. */
export function revealPromise(rule: RevealRule): string {
	const what = 'You will see the right answers, with the explanations and evidence,';
	switch (rule.when) {
		case 'question':
		case 'attempt':
			return `${what} when you finish this attempt.`;
		case 'last-attempt':
			return rule.attempts > 1
				? `${what} after your last attempt (you have ${rule.attempts} in all), or when the assignment closes.`
				: `${what} when you finish.`;
		case 'closed':
			return `${what} when your teacher closes the assignment.`;
	}
}

import type { PublicQuestion } from './public-question';

/** What a student answered, in the terms of the public question. */
export type QuizResponse =
	| { kind: 'choice'; choice: string }
	| { kind: 'choices'; choices: string[] }
	| { kind: 'placements'; placements: Record<string, string> };

export type ParsedResponse = { ok: true; response: QuizResponse } | { ok: false; message: string };

/** Reads a posted answer form; every value must be one the question offered. */
export function parseResponse(q: PublicQuestion, form: FormData): ParsedResponse {
	const offered = (value: string) => q.options.includes(value);
	switch (q.type) {
		case 'single-choice':
		case 'true-false':
		case 'find-the-evidence': {
			const choice = form.get('choice');
			if (typeof choice !== 'string' || choice === '')
				return { ok: false, message: 'Choose an answer before you submit.' };
			if (!offered(choice))
				return {
					ok: false,
					message:
						'That answer is not one of this question’s options. Reload the page and choose again.'
				};
			return { ok: true, response: { kind: 'choice', choice } };
		}
		case 'select-all': {
			const choices = form.getAll('choices').filter((c): c is string => typeof c === 'string');
			if (choices.length === 0)
				return { ok: false, message: 'Tick at least one option before you submit.' };
			if (!choices.every(offered))
				return {
					ok: false,
					message:
						'One of the ticked options is not part of this question. Reload the page and choose again.'
				};
			return { ok: true, response: { kind: 'choices', choices: [...new Set(choices)] } };
		}
		case 'who-said-it':
		case 'fact-or-opinion': {
			const placements: Record<string, string> = {};
			const missing: number[] = [];
			q.items.forEach((item, i) => {
				const value = form.get(`place-${item.key}`);
				if (typeof value === 'string' && value !== '') placements[item.key] = value;
				else missing.push(i + 1);
			});
			const noun = q.type === 'who-said-it' ? 'quote' : 'statement';
			if (missing.length > 0) {
				return {
					ok: false,
					message: `Give an answer for every ${noun} (missing: ${noun} ${missing.join(', ')}).`
				};
			}
			if (!Object.values(placements).every(offered)) {
				return {
					ok: false,
					message:
						'One of the answers is not among this question’s choices. Reload the page and choose again.'
				};
			}
			return { ok: true, response: { kind: 'placements', placements } };
		}
	}
}

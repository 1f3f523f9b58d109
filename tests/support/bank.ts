import { resolve } from 'node:path';
import { loadBank } from '../../src/lib/server/bank/load';
import type { Question } from '../../src/lib/bank/schema';

const result = loadBank(resolve(import.meta.dirname, '../../questions'));
if (!result.ok) throw new Error('The question bank must be valid for the browser tests.');

/** The bank as the tests know it: they need the answers to play right (or wrong) on purpose. */
export const bank = result.bank;
export const questionById = new Map<string, Question>(bank.questions.map((q) => [q.id, q]));

export function question(id: string): Question {
	const q = questionById.get(id);
	if (!q) throw new Error(`no question ${id}`);
	return q;
}

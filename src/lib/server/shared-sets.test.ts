import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkAuthoredQuestion, questionFromForm } from '$lib/teach/question-editor';
import { createApp, type App } from './app';
import { findOwnArticle, listArticleQuestions, saveQuestion } from './authored';
import { loadBankOrThrow } from './bank';
import { openTestStore } from './db/test-store';
import { addTestArticle, addTestTeacher } from './test-authored';
import { copySharedSet, findSharedSet, listSharedSets, shareOwnArticle } from './shared-sets';

const bank = loadBankOrThrow(resolve(import.meta.dirname, '../../../questions'));
const now = new Date('2026-03-02T10:00:00Z');
const BODY =
	'Pool to close\nThe council voted 5-2 to close the pool.\n“It loses money,” said Mayor Dana Ortiz.';

let app: App;

const teacher = (id: string, name: string) => addTestTeacher(app, id, now, name);

/** An article of `owner` with one checked single-choice question on it. */
async function setOf(owner: string): Promise<string> {
	const id = await addTestArticle(app, owner, now, BODY);
	const found = await findOwnArticle(app, owner, id);
	if (!found) throw new Error('the new article is not found');
	const values: Record<string, string | string[]> = {
		prompt: 'Who decided?',
		explanation: 'The council voted.',
		skill: 'context',
		difficulty: '1',
		stance: 'neutral',
		'option-0': 'The council',
		'option-1': 'The mayor, on her own',
		'option-2': 'The town’s swimmers',
		right: ['0'],
		evidence: ['voted 5-2 to close the pool']
	};
	const form = {
		get: (n: string) => (typeof values[n] === 'string' ? values[n] : ''),
		getAll: (n: string) => [values[n] ?? []].flat()
	};
	const checked = checkAuthoredQuestion(
		questionFromForm(form, 'single-choice', { id: 'draft', article: id }),
		found.article
	);
	if (!checked.question) throw new Error(checked.problems.map((p) => p.message).join('; '));
	await saveQuestion(app, id, null, checked.question, now);
	return id;
}

beforeEach(async () => {
	app = createApp(bank, await openTestStore(':memory:'));
});

describe('shared sets', () => {
	it('are read only by others once shared, with the owner’s name, and vanish when unshared', async () => {
		const owner = await teacher('t-owner', 'Ms Rivera');
		const other = await teacher('t-other', 'Mr Okafor');
		const id = await setOf(owner);
		expect(await findSharedSet(app, id)).toBeNull();
		expect(await listSharedSets(app, other)).toEqual([]);

		expect(await shareOwnArticle(app, other, id, true, now)).toBe(false);
		expect(await findSharedSet(app, id)).toBeNull();
		expect(await shareOwnArticle(app, owner, id, true, now)).toBe(true);
		expect(await listSharedSets(app, other)).toEqual([
			{
				id,
				headline: 'Pool to close',
				outlet: 'Town Crier',
				owner_name: 'Ms Rivera',
				questions: 1
			}
		]);
		// The owner's own share is not "shared by other teachers".
		expect(await listSharedSets(app, owner)).toEqual([]);
		const shared = await findSharedSet(app, id);
		expect(shared?.ownerName).toBe('Ms Rivera');
		expect(shared?.questions.map((q) => q.prompt)).toEqual(['Who decided?']);

		await shareOwnArticle(app, owner, id, false, now);
		expect(await findSharedSet(app, id)).toBeNull();
		expect(await listSharedSets(app, other)).toEqual([]);
		expect(await copySharedSet(app, other, id, now)).toBeNull();
		expect(await findSharedSet(app, 't-unknown')).toBeNull();
	});

	it('copy into an independent set of the copier’s own', async () => {
		const owner = await teacher('t-owner', 'Ms Rivera');
		const other = await teacher('t-other', 'Mr Okafor');
		const id = await setOf(owner);
		await shareOwnArticle(app, owner, id, true, now);
		const copied = await copySharedSet(app, other, id, now);
		if (!copied?.ok) throw new Error(`not copied: ${JSON.stringify(copied)}`);
		expect(copied.id).not.toBe(id);
		const own = await findOwnArticle(app, other, copied.id);
		expect(own?.authored).toMatchObject({ headline: 'Pool to close', body: BODY });
		const questions = await listArticleQuestions(app, copied.id);
		expect(questions.map((q) => q.question.evidence)).toEqual([
			[{ article: copied.id, quote: 'voted 5-2 to close the pool' }]
		]);

		// The original changes; the copy does not.
		const [original] = await listArticleQuestions(app, id);
		await saveQuestion(app, id, original, { ...original.question, prompt: 'Who chose?' }, now);
		const after = await listArticleQuestions(app, copied.id);
		expect(after.map((q) => q.question.prompt)).toEqual(['Who decided?']);
		expect(await findOwnArticle(app, other, id)).toBeNull();
	});
});

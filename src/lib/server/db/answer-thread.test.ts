import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnswerRecord, PlayRecord } from '$lib/quiz/play';
import { AnswerThread } from './answer-thread';
import { answerThreadOf, openStore, type Store } from './connection';
import { deleteFreePlaysBefore, readPlay, savePlay, storeAnswerAsync } from './plays';

let dir: string;
let path: string;
let store: Store;

beforeEach(async () => {
	dir = mkdtempSync(join(tmpdir(), 'byline-answer-thread-'));
	path = join(dir, 'byline.db');
	store = await openStore(path);
});

afterEach(async () => {
	await store.destroy();
	rmSync(dir, { recursive: true, force: true });
});

const AT = '2026-03-02T10:00:00.000Z';

async function newPlay(id: string): Promise<void> {
	const record: PlayRecord = {
		id,
		questionIds: ['q1', 'q2'],
		seed: 'seed',
		createdAt: AT,
		finishedAt: null,
		deadline: null,
		feedback: 'each',
		studentId: null,
		attempt: null
	};
	await savePlay(store, record, { kind: 'quiz', quizId: 'mixed' });
}

function answer(position: number): AnswerRecord {
	return {
		position,
		questionId: `q${position + 1}`,
		response: { kind: 'choice', choice: 'Yes' },
		grade: null,
		credit: 1,
		points: 100,
		streak: position + 1,
		answeredAt: AT
	};
}

const effects = (finishes = false) => ({ at: AT, finishes, studentId: null });

/** What another connection finds in the file: only what was committed. */
function onDisk(sql: string, ...values: unknown[]): unknown[] {
	const other = new BetterSqlite3(path, { readonly: true });
	try {
		return other.prepare(sql).all(...values);
	} finally {
		other.close();
	}
}

describe('the answer thread', () => {
	it('stores answers sent together, each told only once it is in the file', async () => {
		for (const id of ['a', 'b', 'c']) await newPlay(id);
		expect(answerThreadOf(store)).not.toBeNull();
		const stored = await Promise.all(
			['a', 'b', 'c'].map((id) =>
				storeAnswerAsync(store, id, answer(0), effects()).then((ok) => ({
					ok,
					seen: onDisk('SELECT play_id FROM answer WHERE play_id = ?', id).length
				}))
			)
		);
		expect(stored).toEqual([
			{ ok: true, seen: 1 },
			{ ok: true, seen: 1 },
			{ ok: true, seen: 1 }
		]);
	});

	it('turns away a second answer at the same place, and an answer to a play that is gone', async () => {
		await newPlay('gone');
		await deleteFreePlaysBefore(store, '2100-01-01T00:00:00.000Z');
		expect(await storeAnswerAsync(store, 'gone', answer(0), effects())).toBe(false);

		await newPlay('a');
		expect(
			await Promise.all([
				storeAnswerAsync(store, 'a', answer(0), effects()),
				storeAnswerAsync(store, 'a', answer(0), effects())
			])
		).toEqual([true, false]);
		expect(onDisk('SELECT play_id FROM answer ORDER BY play_id')).toEqual([{ play_id: 'a' }]);
	});

	it('marks the play finished only with the answer that was stored', async () => {
		await newPlay('a');
		await storeAnswerAsync(store, 'a', answer(0), effects());
		expect(await storeAnswerAsync(store, 'a', answer(1), effects(true))).toBe(true);
		expect(onDisk('SELECT finished_at FROM play WHERE id = ?', 'a')).toEqual([{ finished_at: AT }]);
	});

	it('reads a play with every answer already acknowledged', async () => {
		await newPlay('a');
		expect((await readPlay(store, 'a'))?.answers).toEqual([]);
		await storeAnswerAsync(store, 'a', answer(0), effects());
		const read = await readPlay(store, 'a');
		expect(read?.answers.map((a) => a.questionId)).toEqual(['q1']);
		expect(read?.owner).toEqual({ kind: 'quiz', quizId: 'mixed' });
		expect(await readPlay(store, 'none')).toBeNull();
	});

	it('fails what it was sent when it cannot run, and the store then writes answers itself', async () => {
		const broken = new AnswerThread(join(dir, 'missing.db'));
		await expect(
			broken.write({ columns: ['a', 0], at: AT, finishes: false, studentId: null })
		).rejects.toThrow(/The answer thread failed: SQLITE_CANTOPEN|directory does not exist/);
		expect(broken.running).toBe(false);

		await newPlay('a');
		await answerThreadOf(store)?.close();
		expect(answerThreadOf(store)).toBeNull();
		expect(await storeAnswerAsync(store, 'a', answer(0), effects())).toBe(true);
		expect((await readPlay(store, 'a'))?.answers).toHaveLength(1);
	});
});

import { Migrator, type Migration } from 'kysely';
import { describe, expect, it } from 'vitest';
import { storeOver, openSqlite, migrate } from '../connection';
import { loadPlay } from '../plays';
import { migrations } from './index';

describe('migration 0004: play owners as data', () => {
	it('moves the owner out of the quiz id prefix and drops plays whose owner is gone', async () => {
		const store = storeOver(openSqlite(':memory:'));
		const provider = { getMigrations: async (): Promise<Record<string, Migration>> => migrations };
		const before = await new Migrator({ db: store, provider }).migrateTo('0003-kiosks');
		expect(before.error).toBeUndefined();
		const at = '2026-03-02T10:00:00.000Z';
		await store
			.insertInto('teacher')
			.values({ id: 't', email: 't@x.org', display_name: 'T', password_hash: 'x', created_at: at })
			.execute();
		await store
			.insertInto('class')
			.values({ id: 'c', teacher_id: 't', name: 'C', created_at: at })
			.execute();
		await store
			.insertInto('assignment')
			.values({
				id: 'a',
				class_id: 'c',
				title: 'A',
				instructions: '',
				question_ids: '[]',
				question_order: 'fixed',
				feedback: 'each',
				attempts: 1,
				attempt_counts: 'best',
				opens_at: null,
				closes_at: null,
				time_limit_minutes: null,
				join_code: 'ACDEFH',
				names: 'typed',
				roster: '[]',
				closed_at: null,
				created_at: at
			})
			.execute();
		await store
			.insertInto('kiosk')
			.values({
				id: 'k',
				teacher_id: 't',
				title: 'K',
				token_hash: 'h',
				quiz_ids: '[]',
				round_size: 5,
				idle_seconds: 60,
				leaderboard: 1,
				revoked_at: null,
				created_at: at
			})
			.execute();
		const play = (id: string, quizId: string) => ({
			id,
			quiz_id: quizId,
			question_ids: '["q1"]',
			seed: 's',
			created_at: at,
			finished_at: null
		});
		// Written as the old schema wrote them: the owner as a prefix of quiz_id.
		for (const [id, quizId] of [
			['home', 'mixed'],
			['attempt', 'assignment:a'],
			['round', 'kiosk:k'],
			['orphan', 'kiosk:gone']
		])
			await store
				.insertInto('play')
				.values(play(id, quizId) as never)
				.execute();

		await migrate(store);
		expect(loadPlay(store, 'home')?.owner).toEqual({ kind: 'quiz', quizId: 'mixed' });
		expect(loadPlay(store, 'attempt')?.owner).toEqual({ kind: 'assignment', id: 'a' });
		expect(loadPlay(store, 'round')?.owner).toEqual({ kind: 'kiosk', id: 'k' });
		expect(loadPlay(store, 'orphan')).toBeNull();

		// The owner's foreign key now deletes its plays.
		await store.deleteFrom('kiosk').where('id', '=', 'k').execute();
		expect(loadPlay(store, 'round')).toBeNull();
		await store.destroy();
	});
});

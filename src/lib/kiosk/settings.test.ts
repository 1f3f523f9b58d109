import { describe, expect, it } from 'vitest';
import { QUESTION_TYPES } from '$lib/bank/vocabulary';
import { parseKioskSettings } from './settings';

const QUIZZES = ['mixed', 'skill-sourcing', 'article-slate'];
const OWN = ['t-pool', 't-library'];

function form(fields: Record<string, string | string[]>): FormData {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) f.append(k, one);
	return f;
}

const good = {
	title: '  Library lobby ',
	quizzes: ['skill-sourcing', 'mixed', 'mixed'],
	roundSize: '5',
	idleSeconds: '60',
	leaderboard: 'on'
};

describe('parseKioskSettings', () => {
	it('reads a complete form, trimming and de-duplicating', () => {
		expect(parseKioskSettings(form(good), QUIZZES, OWN)).toEqual({
			ok: true,
			settings: {
				title: 'Library lobby',
				quizzes: ['skill-sourcing', 'mixed'],
				articles: [],
				roundSize: 5,
				idleSeconds: 60,
				leaderboard: true,
				// A form from before the limits existed draws everything, as before.
				maxDifficulty: 3,
				questionTypes: [...QUESTION_TYPES]
			}
		});
	});

	it('reads the difficulty and the question types a round may draw', () => {
		const result = parseKioskSettings(
			form({ ...good, maxDifficulty: '1', questionTypes: ['true-false', 'single-choice'] }),
			QUIZZES,
			OWN
		);
		expect(result.ok && [result.settings.maxDifficulty, result.settings.questionTypes]).toEqual([
			1,
			['true-false', 'single-choice']
		]);
		const none = parseKioskSettings(form({ ...good, maxDifficulty: '2' }), QUIZZES, OWN);
		expect(!none.ok && [none.field, none.message]).toEqual([
			'questionTypes',
			'Tick at least one kind of question.'
		]);
		const odd = parseKioskSettings(
			form({ ...good, maxDifficulty: '4', questionTypes: ['essay'] }),
			QUIZZES,
			OWN
		);
		expect(odd.ok).toBe(false);
	});

	it('draws from the teacher’s own articles, alone or beside quizzes', () => {
		const alone = parseKioskSettings(
			form({ ...good, quizzes: [], articles: ['t-pool', 't-pool'] }),
			QUIZZES,
			OWN
		);
		expect(alone.ok && [alone.settings.quizzes, alone.settings.articles]).toEqual([[], ['t-pool']]);
		const beside = parseKioskSettings(form({ ...good, articles: ['t-library'] }), QUIZZES, OWN);
		expect(beside.ok && beside.settings.articles).toEqual(['t-library']);
		// Another teacher's article is refused outright, even beside articles of one's own.
		const foreign = parseKioskSettings(
			form({ ...good, articles: ['t-pool', 't-theirs'] }),
			QUIZZES,
			OWN
		);
		expect(foreign.ok).toBe(false);
	});

	it('treats a missing checkbox as no leaderboard', () => {
		const { leaderboard: _, ...rest } = good;
		void _;
		const result = parseKioskSettings(form(rest), QUIZZES, OWN);
		expect(result.ok && result.settings.leaderboard).toBe(false);
	});

	it.each([
		[{ title: ' ' }, 'title', /Give the kiosk a title/],
		[{ title: 'x'.repeat(61) }, 'title', /under 60/],
		[{ quizzes: [] }, 'quizzes', /at least one quiz, skill or article/],
		[{ articles: ['t-someone-elses'] }, 'articles', /your own list/],
		[{ quizzes: ['teach-secrets'] }, 'quizzes', /from the list/],
		[{ roundSize: '0' }, 'roundSize', /at least 1/],
		[{ roundSize: '21' }, 'roundSize', /at most 20/],
		[{ roundSize: '2.5' }, 'roundSize', /whole number/],
		[{ roundSize: 'lots' }, 'roundSize', /how many questions/],
		[{ idleSeconds: '4' }, 'idleSeconds', /at least 5/],
		[{ idleSeconds: '601' }, 'idleSeconds', /at most 600/]
	])('refuses %j with a message on %s', (change, field, message) => {
		const result = parseKioskSettings(form({ ...good, ...change }), QUIZZES, OWN);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.field).toBe(field);
			expect(result.message).toMatch(message);
		}
	});
});

import { describe, expect, it } from 'vitest';
import { mayOpenArticle, playOfBackLink, type ArticleOwner } from './article-access';

const PLAY = 'AbCdEfGhIjKlMnOpQrStUv';
const owned: ArticleOwner = { kind: 'teacher', teacherId: 'ann' };
const about = (article: string) => ({ articles: [article], evidence: [{ article }] });

describe('mayOpenArticle', () => {
	it('opens the bank’s articles to anyone', () => {
		expect(mayOpenArticle('slate', { kind: 'bank' }, { teacherId: null, asked: [] })).toBe(true);
	});

	it('opens a teacher’s article to its owner only, among teachers', () => {
		expect(mayOpenArticle('t-1', owned, { teacherId: 'ann', asked: [] })).toBe(true);
		expect(mayOpenArticle('t-1', owned, { teacherId: 'bob', asked: [] })).toBe(false);
		expect(mayOpenArticle('t-1', owned, { teacherId: null, asked: [] })).toBe(false);
	});

	it('opens a teacher’s article for a play that asks about it, in its articles or its evidence', () => {
		expect(mayOpenArticle('t-1', owned, { teacherId: null, asked: [about('t-1')] })).toBe(true);
		const evidenceOnly = { articles: ['slate'], evidence: [{ article: 't-1' }] };
		expect(mayOpenArticle('t-1', owned, { teacherId: null, asked: [evidenceOnly] })).toBe(true);
		expect(
			mayOpenArticle('t-1', owned, { teacherId: 'bob', asked: [about('t-2'), about('slate')] })
		).toBe(false);
	});

	it('opens a deleted article only for a play that asks about it, not even to its owner', () => {
		const withdrawn: ArticleOwner = { ...owned, withdrawn: true };
		expect(mayOpenArticle('t-1', withdrawn, { teacherId: 'ann', asked: [] })).toBe(false);
		expect(mayOpenArticle('t-1', withdrawn, { teacherId: null, asked: [about('t-1')] })).toBe(true);
	});
});

describe('playOfBackLink', () => {
	it('reads the play from its question, feedback and results pages', () => {
		expect(playOfBackLink(`/play/${PLAY}`)).toBe(PLAY);
		expect(playOfBackLink(`/play/${PLAY}/feedback/2`)).toBe(PLAY);
		expect(playOfBackLink(`/play/${PLAY}/results`)).toBe(PLAY);
	});

	it('finds no play in anything else', () => {
		expect(playOfBackLink(null)).toBeNull();
		expect(playOfBackLink('')).toBeNull();
		expect(playOfBackLink(`/kiosk/${PLAY}`)).toBeNull();
		expect(playOfBackLink('/play/short')).toBeNull();
		expect(playOfBackLink(`//evil.example/play/${PLAY}`)).toBeNull();
	});
});

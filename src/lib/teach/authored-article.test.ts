import { describe, expect, it } from 'vitest';
import { ARTICLE_LIMITS, readArticleForm, toBankArticle } from './authored-article';

describe('readArticleForm', () => {
	it('keeps one paragraph per line without control characters, and stores empty details as not stated', () => {
		const read = readArticleForm({
			body: 'Headline here\r\n\r\n  First\u0007 paragraph.\u202e \n\nSecond.',
			outlet: 'The Courier',
			published: ''
		});
		expect(read).toEqual({
			ok: true,
			value: {
				body: 'Headline here\nFirst paragraph.\nSecond.',
				details: {
					headline: 'Headline here',
					outlet: 'The Courier',
					author: 'not stated',
					published: 'not stated',
					url: 'not stated',
					kind: 'news report'
				}
			}
		});
	});

	it('refuses a text over the limit with the figures, and a malformed date or address', () => {
		const long = readArticleForm({ body: 'x'.repeat(ARTICLE_LIMITS.characters + 1) });
		expect(long).toEqual({
			ok: false,
			message: expect.stringMatching(/60,001 characters.*60,000/)
		});
		expect(readArticleForm({ body: 'Text', published: '5 May' })).toMatchObject({ ok: false });
		expect(readArticleForm({ body: 'Text', url: 'javascript:alert(1)' })).toMatchObject({
			ok: false
		});
	});
});

describe('toBankArticle', () => {
	it('marks furniture lines and maps the page in runs, as the bank’s metadata does', () => {
		const a = toBankArticle({
			id: 't-x',
			headline: 'H',
			outlet: 'O',
			author: 'not stated',
			published: 'not stated',
			url: 'not stated',
			kind: 'news report',
			uploaded: false,
			body: 'H\nSign up now\nOne.\nTwo.',
			parts: ['headline', 'newsletter-box', 'body', 'body']
		});
		expect(a.lines.map((l) => l.furniture)).toEqual([false, true, false, false]);
		expect(a.parts).toEqual([
			{ from: 'H', part: 'headline' },
			{ from: 'Sign up now', part: 'newsletter-box' },
			{ from: 'One.', part: 'body' }
		]);
	});
});

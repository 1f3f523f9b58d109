import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '$lib/bank/articles';
import { findQuoteLine } from '$lib/bank/text';
import { loadBank } from '$lib/server/bank/load';
import { toBankArticle } from './authored-article';
import {
	draftQuestions,
	findAttributions,
	findOpinionCandidates,
	findUnnamedSources
} from './drafts';
import { checkAuthoredQuestion, questionFromForm } from './question-editor';

const result = loadBank(resolve(import.meta.dirname, '../../../questions'));
if (!result.ok) throw new Error('the bank must load');
const bank = new Map(result.bank.articles.map((a) => [a.id, a]));
const article = (id: string): Article => {
	const found = bank.get(id);
	if (!found) throw new Error(id);
	return found;
};

const speakersOf = (a: Article) => findAttributions(a).map((x) => x.speaker);
const quoteBy = (a: Article, speaker: string) =>
	findAttributions(a)
		.filter((x) => x.speaker === speaker)
		.map((x) => x.quote);

// A page written for this test: every pattern the finders know, and sentences they must leave.
const harbour = toBankArticle({
	id: 'harbour',
	headline: 'Harbour fees to double next year',
	outlet: 'The Bay Herald',
	author: 'not stated',
	published: 'not stated',
	url: 'not stated',
	kind: 'news report',
	uploaded: false,
	body: [
		'Harbour fees to double next year',
		'Support local news: subscribe today and “get every story first,” says our editor.',
		'Mooring fees at the harbour will rise from $400 to $800 in 2026, the port authority said on Monday.',
		'“We have no other way to pay for the new sea wall,” said Port Director Aisha Khan.',
		'Fishermen were angry. Tom Reyes, a trawler captain for thirty years, called the rise unfair.',
		'“Half of us will be gone within two years,” he said.',
		'According to a council official, the decision was taken before the public meeting.',
		'Two people familiar with the talks said the fee could rise again in 2027.',
		'The rise is a reckless gamble with the town’s oldest trade.',
		'Kayakers will probably pay nothing.'
	].join('\n'),
	parts: ['headline', 'subscription-promo']
});

describe('findAttributions on the bank’s articles', () => {
	it('finds Mother Jones’s named and unnamed speakers with their words', () => {
		const mj = article('mother-jones');
		expect(new Set(speakersOf(mj))).toEqual(
			new Set([
				'Rex Tillerson',
				'Michael Sulmeyer',
				'Dave Aitel',
				'a former senior federal official'
			])
		);
		expect(quoteBy(mj, 'Michael Sulmeyer')).toContain(
			'It’s usually always better to be talking than not talking'
		);
		expect(quoteBy(mj, 'Dave Aitel')).toContain(
			'it’s a good idea, but we’re super far apart on nearly every issue'
		);
		expect(quoteBy(mj, 'a former senior federal official')[0]).toMatch(
			/^My general reaction is that we should always be looking for better cooperation/
		);
		expect(findAttributions(mj).find((x) => !x.named)?.speaker).toBe(
			'a former senior federal official'
		);
	});

	it('finds Rubio in Slate and Trump and Rubio in the unsigned analysis', () => {
		expect(speakersOf(article('slate'))).toContain('Marco Rubio');
		expect(new Set(speakersOf(article('unsigned-analysis')))).toEqual(new Set(['Trump', 'Rubio']));
	});

	it('gives quotes that stand verbatim in the page, so a draft passes the verbatim rule', () => {
		for (const a of bank.values()) {
			const texts = a.lines.map((l) => l.text);
			for (const found of findAttributions(a))
				expect(findQuoteLine(texts, found.quote), found.quote).not.toBe(-1);
		}
	});
});

describe('the finders on a hand-written article', () => {
	it('matches "said X", "he said" after an introduced name, and leaves the promo alone', () => {
		expect(findAttributions(harbour).map((x) => [x.speaker, x.quote])).toEqual([
			['Aisha Khan', 'We have no other way to pay for the new sea wall'],
			['Tom Reyes', 'Half of us will be gone within two years']
		]);
	});

	it('finds the unnamed sources and not the named ones', () => {
		expect(findUnnamedSources(harbour)).toEqual([
			'According to a council official, the decision was taken before the public meeting.',
			'Two people familiar with the talks said the fee could rise again in 2027.'
		]);
		expect(
			findUnnamedSources(article('mother-jones')).some((s) =>
				/^Several sources told Mother Jones\s+on Friday/.test(s)
			)
		).toBe(true);
	});

	it('proposes the evaluative and hedged sentences as opinions and a checkable one as a fact', () => {
		const { opinions, facts } = findOpinionCandidates(harbour);
		expect(opinions).toEqual([
			'Two people familiar with the talks said the fee could rise again in 2027.',
			'The rise is a reckless gamble with the town’s oldest trade.',
			'Kayakers will probably pay nothing.'
		]);
		expect(facts).toEqual([
			'Mooring fees at the harbour will rise from $400 to $800 in 2026, the port authority said on Monday.'
		]);
	});
});

describe('draftQuestions', () => {
	it('drafts only questions the editor accepts as they are, for every bank article and the hand-written one', () => {
		for (const a of [...bank.values(), harbour]) {
			const drafts = draftQuestions(a);
			expect(drafts.length, a.id).toBeGreaterThan(0);
			for (const draft of drafts) {
				const values = draft.values;
				const get = (n: string) => {
					const v = values[n];
					return typeof v === 'string' ? v : '';
				};
				const getAll = (n: string) => {
					const v = values[n];
					return Array.isArray(v) ? v : v ? [v] : [];
				};
				const checked = checkAuthoredQuestion(
					questionFromForm({ get, getAll }, draft.type, { id: 'draft', article: a.id }),
					a
				);
				expect(checked.problems, `${a.id}: ${draft.summary}`).toEqual([]);
			}
		}
	});

	it('drafts a who-said-it item with Mother Jones’s unnamed speaker among the named ones', () => {
		const drafts = draftQuestions(article('mother-jones')).filter((d) => d.type === 'who-said-it');
		const speakers = drafts.flatMap((d) =>
			Object.entries(d.values)
				.filter(([k]) => k.startsWith('speaker-'))
				.map(([, v]) => v)
		);
		expect(speakers).toContain('a former senior federal official');
		expect(speakers).toContain('Dave Aitel');
	});
});

import type { Article } from '$lib/bank/articles';
import { pageSentences } from '$lib/bank/text';
import type { QuestionType } from '$lib/bank/vocabulary';
import { ROWS } from './question-editor';

/**
 * Drafting help, on the server and with no outside service: from an article's own text, find
 * quotations and their speakers, unnamed sources, and evaluative or hedged sentences, and turn
 * them into draft questions. A draft is only a filled-in editor form; nothing is stored or asked
 * until a teacher has reviewed and saved it.
 */

/** A quotation and who the article says spoke it; `named` is false for "a former official". */
export interface Attribution {
	quote: string;
	speaker: string;
	named: boolean;
	sentence: string;
}

export interface Draft {
	type: QuestionType;
	/** What the draft is, for the list a teacher reviews. */
	summary: string;
	/** The editor's fields, filled in. */
	values: Record<string, string | string[]>;
}

const QUOTED = /[“"]([^”"]{3,}?)[,.]?[”"]/g;
const VERB =
	'(?:said|says|told|tells|added|adds|noted|notes|wrote|writes|explained|explains|warned|warns|tweeted|tweets|tweeting|suggested|suggests|argued|argues|claimed|claims|called|calls|announced|described|describes)';
// A name: capitalised words, "of" allowed inside ("Secretary of State Rex Tillerson").
const NAME = "[A-Z][\\p{L}’'.-]*(?:\\s+(?:of\\s+)?[A-Z][\\p{L}’'.-]*)*";
// An unnamed source: "a former senior federal official", "several sources", "one person".
const UNNAMED =
	'(?:a|an|one|two|three|several|some|many)\\s+(?:[a-z-]+\\s+){0,4}(?:officials?|sources?|people|person|aides?|diplomats?|experts?|employees?|staffers?|analysts?|members?)';
const AFTER_QUOTE = new RegExp(`[”"]\\s*(?:${VERB})\\s+(${UNNAMED}|${NAME})`, 'u');
const BEFORE_VERB = new RegExp(
	`(?:^|[”"]\\s*|,\\s*)(${UNNAMED}|${NAME}|[Hh]e|[Ss]he)\\s+${VERB}\\b`,
	'u'
);
const ACCORDING = new RegExp(`[Aa]ccording to (${UNNAMED}|${NAME})`, 'u');
// Unnamed sourcing the sentence states outright; "a former official" alone may describe a named one.
const ANONYMOUS =
	/\b(?:sources?\s+(?:told|said|say|close to)|who asked not to be (?:named|identified)|on (?:the )?condition of anonymity|(?:people|person) familiar with|declined to be named|not authori[sz]ed to speak)\b/i;
const INTRODUCED = new RegExp(`^(${NAME}),\\s+(?:a|an|the)\\s`, 'u');
const TITLES =
	/^(?:(?:US|U\.S\.|Russian|Russia’s|former|President|Sen\.|Senator|Rep\.|Representative|Secretary|Mayor|Minister|Gov\.|Governor|Dr\.|Mr\.|Ms\.|Mrs\.|Professor|Prof\.)\s+)+/;
const EVALUATIVE =
	/\b(should|ought|must|mistake|stupid|foolish|absurd|ridiculous|terrible|horrible|dangerous|shameful|naive|wise|brilliant|best|worst|bad idea|good idea|regret|disaster|outrageous|maddening|baffling|excruciating|sensible|reckless)\w*\b/i;
const HEDGED =
	/\b(may|might|could|perhaps|probably|possibly|likely|unlikely|seems?|appears?|reportedly|supposed)\b/i;

/** The body lines of the article: furniture (promos, appeals) is not the article's reporting. */
function bodySentences(article: Article): string[] {
	const lines = article.lines
		.filter((l) => !l.furniture && l.part !== 'headline')
		.map((l) => l.text);
	return [...new Set(pageSentences(lines))];
}

/** "Secretary of State Rex Tillerson" is "Rex Tillerson": a title is dropped, the name kept. */
function shortName(name: string): string {
	const words = name.trim().replace(/\.$/, '').replace(TITLES, '').split(/\s+/);
	if (/^[a-z]/.test(name)) return name.trim();
	return words.slice(-2).join(' ');
}

/** Every quotation with a speaker the sentence (or the one before, for "he says") names. */
export function findAttributions(article: Article): Attribution[] {
	const found: Attribution[] = [];
	let lastNamed: string | null = null;
	const known: string[] = [];
	const resolve = (raw: string): { speaker: string; named: boolean } | null => {
		const text = raw.trim();
		if (/^(he|she)$/i.test(text)) return lastNamed ? { speaker: lastNamed, named: true } : null;
		if (/^[a-z]/.test(text)) return { speaker: text, named: false };
		const short = shortName(text);
		// "Aitel says" after "Dave Aitel, a former NSA research scientist…": the same person.
		const full = known.find((k) => k.endsWith(` ${short}`)) ?? short;
		return { speaker: full, named: true };
	};
	for (const sentence of bodySentences(article)) {
		// "Dave Aitel, a former NSA research scientist…": later "he" and "Aitel" are this person.
		const introduced = INTRODUCED.exec(sentence);
		if (introduced) {
			lastNamed = shortName(introduced[1]);
			if (!known.includes(lastNamed)) known.push(lastNamed);
		}
		const match =
			AFTER_QUOTE.exec(sentence) ?? BEFORE_VERB.exec(sentence) ?? ACCORDING.exec(sentence);
		const who = match ? resolve(match[1]) : null;
		if (who?.named) {
			lastNamed = who.speaker;
			if (!known.includes(who.speaker)) known.push(who.speaker);
		}
		if (!who) continue;
		for (const quoted of sentence.matchAll(QUOTED)) {
			const quote = quoted[1].trim();
			// A few words in quotation marks is a phrase, not a quotation worth matching.
			if (quote.split(/\s+/).length < 3) continue;
			found.push({ quote, speaker: who.speaker, named: who.named, sentence });
			break;
		}
	}
	return found;
}

/** Sentences that rest on a source the article does not name. */
export function findUnnamedSources(article: Article): string[] {
	const unnamedSpeakers = new Set(
		findAttributions(article)
			.filter((a) => !a.named)
			.map((a) => a.sentence)
	);
	return bodySentences(article).filter(
		(s) =>
			ANONYMOUS.test(s) ||
			unnamedSpeakers.has(s) ||
			new RegExp(`[Aa]ccording to ${UNNAMED}`, 'u').test(s)
	);
}

/** Candidates for fact or opinion: the page's own judgements and hedges, and plain checkable facts. */
export function findOpinionCandidates(article: Article): { opinions: string[]; facts: string[] } {
	const own = bodySentences(article).filter((s) => !/[“”"]/.test(s) && s.length < 300);
	return {
		opinions: own.filter((s) => EVALUATIVE.test(s) || HEDGED.test(s)),
		facts: own.filter(
			(s) => /\d/.test(s) && !EVALUATIVE.test(s) && !HEDGED.test(s) && !ANONYMOUS.test(s)
		)
	};
}

const common = (skill: string, stance: string, evidence: string[]) => ({
	skill,
	difficulty: '2',
	stance,
	evidence
});

/** Draft questions from the article, for a teacher to accept, edit or discard. */
export function draftQuestions(article: Article): Draft[] {
	const drafts: Draft[] = [];
	const attributions = findAttributions(article);
	// One quote per speaker, so every pair has one right answer.
	const bySpeaker = [...new Map(attributions.map((a) => [a.speaker, a])).values()];
	for (let start = 0; start + 1 < bySpeaker.length; start += ROWS.pairs) {
		const pairs = bySpeaker.slice(start, start + Math.min(4, ROWS.pairs));
		if (pairs.length < 2) break;
		const values: Record<string, string | string[]> = {
			...common(
				'attribution',
				'neutral',
				pairs.map((p) => p.quote)
			),
			prompt: 'Match each quote from the article to the person who said it.',
			explanation:
				`The article attributes each quote with "said", "says", "told" or "according to". ${pairs.some((p) => !p.named) ? 'One speaker is not named.' : ''}`.trim()
		};
		pairs.forEach((p, i) => {
			values[`quote-${i}`] = p.quote;
			values[`speaker-${i}`] = p.speaker;
		});
		drafts.push({
			type: 'who-said-it',
			summary: `Who said it: ${pairs.map((p) => p.speaker).join('; ')}`,
			values
		});
	}
	for (const sentence of findUnnamedSources(article).slice(0, 4)) {
		drafts.push({
			type: 'true-false',
			summary: `Unnamed source: ${sentence}`,
			values: {
				...common('sourcing', 'problem', [sentence]),
				prompt: `The article names the source behind this: “${sentence}”`,
				answer: 'false',
				explanation:
					'The source is described, not named, so a reader cannot check who they are or what they know.'
			}
		});
	}
	const { opinions, facts } = findOpinionCandidates(article);
	const statements = [
		...opinions.slice(0, 3).map((text) => ({ text, label: 'Opinion' })),
		...facts.slice(0, 3).map((text) => ({ text, label: 'Fact' }))
	];
	if (statements.length >= 2) {
		const values: Record<string, string | string[]> = {
			...common(
				'fact-vs-opinion',
				'neutral',
				statements.map((s) => s.text)
			),
			prompt: 'Sort these sentences from the article: fact, or the writer’s opinion?',
			explanation:
				'A fact can be checked against a record. A judgement or a guess ("should", "may") is an opinion.'
		};
		statements.forEach((s, i) => {
			values[`statement-${i}`] = s.text;
			values[`label-${i}`] = s.label;
		});
		drafts.push({
			type: 'fact-or-opinion',
			summary: `Fact or opinion: ${statements.length} sentences (check each label)`,
			values
		});
	}
	return drafts;
}

import { z } from 'zod';

import {
	ARTICLE_KINDS,
	ARTICLE_PARTS,
	FURNITURE_PARTS,
	NOT_STATED,
	QUESTION_TYPES,
	SKILLS
} from './vocabulary.ts';

export { ARTICLE_KINDS, ARTICLE_PARTS, FURNITURE_PARTS, NOT_STATED, QUESTION_TYPES, SKILLS };
export type { PagePart, QuestionType, Skill } from './vocabulary.ts';

const slug = z
	.string()
	.regex(
		/^[a-z0-9]+(-[a-z0-9]+)*$/,
		'use lower-case words joined by "-", e.g. "slate-rubio-assad"'
	);
const text = z.string().trim().min(1, 'must not be empty');
const statedOr = (inner: z.ZodType<string>) =>
	z
		.union([z.literal(NOT_STATED), inner], {
			error: `give the value the page shows, or "${NOT_STATED}"`
		})
		.refine((v) => v === NOT_STATED || v.toLowerCase() !== NOT_STATED, {
			error: `write "${NOT_STATED}" exactly, in lower case`
		});

export const articleMetaSchema = z.strictObject({
	id: slug,
	source: text,
	headline: text,
	outlet: statedOr(text),
	author: statedOr(text),
	published: statedOr(
		z
			.string()
			.regex(
				/^\d{4}-\d{2}-\d{2}$/,
				`write the date the page shows as YYYY-MM-DD, or "${NOT_STATED}"`
			)
	),
	kind: z.enum(ARTICLE_KINDS),
	provenance: text,
	parts: z
		.array(
			z.strictObject({
				from: text,
				part: z.enum([...ARTICLE_PARTS, ...FURNITURE_PARTS])
			})
		)
		.min(1, 'map at least the first line of the page')
});
export type ArticleMeta = z.infer<typeof articleMetaSchema>;

const evidenceSchema = z.strictObject({ article: slug, quote: text });
export type Evidence = z.infer<typeof evidenceSchema>;

const options = (min: number, max: number) =>
	z.array(text).min(min, `give at least ${min} options`).max(max, `give at most ${max} options`);

const common = {
	id: slug,
	articles: z.array(slug).min(1, 'name the article(s) the question is about'),
	skill: z.enum(SKILLS),
	difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)], {
		error: 'difficulty is 1 (easy), 2 or 3 (hard)'
	}),
	stance: z.enum(['sound', 'problem', 'neutral']),
	prompt: text,
	explanation: text.max(400, 'keep the explanation to 1–3 sentences (at most 400 characters)'),
	evidence: z
		.array(evidenceSchema)
		.min(1, 'every answer needs at least one verbatim evidence quote')
};

export const questionSchema = z.discriminatedUnion(
	'type',
	[
		z.strictObject({
			...common,
			type: z.literal('single-choice'),
			options: options(2, 6),
			answer: text
		}),
		z.strictObject({
			...common,
			type: z.literal('select-all'),
			options: options(3, 7),
			answers: z.array(text).min(1, 'list at least one right option')
		}),
		z.strictObject({ ...common, type: z.literal('true-false'), answer: z.boolean() }),
		z.strictObject({
			...common,
			type: z.literal('who-said-it'),
			pairs: z
				.array(z.strictObject({ quote: text, speaker: text }))
				.min(2, 'match at least 2 quotes')
				.max(5, 'match at most 5 quotes'),
			distractors: z.array(text).default([])
		}),
		z.strictObject({
			...common,
			type: z.literal('find-the-evidence'),
			options: options(3, 6),
			answer: text
		}),
		z.strictObject({
			...common,
			type: z.literal('fact-or-opinion'),
			labels: z.array(text).min(2).max(4).default(['Fact', 'Opinion']),
			statements: z
				.array(z.strictObject({ text, label: text }))
				.min(2, 'give at least 2 statements')
				.max(6, 'give at most 6 statements')
		})
	],
	{ error: `type must be one of: ${QUESTION_TYPES.join(', ')}` }
);
export type Question = z.infer<typeof questionSchema>;

export const questionFileSchema = z.strictObject({
	questions: z.array(z.unknown()).min(1, 'list at least one question under "questions:"')
});

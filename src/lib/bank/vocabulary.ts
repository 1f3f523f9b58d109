// The bank's fixed words, without the schema library, so pages can use them too.

export const NOT_STATED = 'not stated';

export const SKILLS = [
	'attribution',
	'sourcing',
	'fact-vs-opinion',
	'framing',
	'comparing-coverage',
	'reporting-vs-promotion',
	'evidence',
	'context'
] as const;
export type Skill = (typeof SKILLS)[number];

export const QUESTION_TYPES = [
	'single-choice',
	'select-all',
	'true-false',
	'who-said-it',
	'find-the-evidence',
	'fact-or-opinion'
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const ARTICLE_KINDS = ['news report', 'analysis', 'opinion/commentary'] as const;

export const ARTICLE_PARTS = [
	'headline',
	'standfirst',
	'dateline',
	'caption',
	'credit',
	'body',
	'subheading',
	'author-bio'
] as const;
export const FURNITURE_PARTS = [
	'page-title',
	'breadcrumb',
	'page-stats',
	'section-label',
	'audio-promo',
	'series-note',
	'membership-pitch',
	'donation-appeal',
	'newsletter-box',
	'subscription-promo',
	'related-links',
	'link-shortcode'
] as const;
export type PagePart = (typeof ARTICLE_PARTS)[number] | (typeof FURNITURE_PARTS)[number];

export const PART_NAMES: Record<PagePart, string> = {
	headline: 'Headline',
	standfirst: 'Sub-headline',
	dateline: 'Date line',
	caption: 'Photo caption',
	credit: 'Photo credit',
	body: 'Article text',
	subheading: 'Subheading',
	'author-bio': 'Author bio',
	'page-title': 'Page title',
	breadcrumb: 'Breadcrumb',
	'page-stats': 'View counter',
	'section-label': 'Section label',
	'audio-promo': 'Audio promo',
	'series-note': 'Series note',
	'membership-pitch': 'Membership pitch',
	'donation-appeal': 'Donation appeal',
	'newsletter-box': 'Newsletter sign-up',
	'subscription-promo': 'Subscription promo',
	'related-links': 'Related links',
	'link-shortcode': 'Embedded link'
};

export const QUESTION_TYPE_NAMES: Record<QuestionType, string> = {
	'single-choice': 'Choose one',
	'select-all': 'Select all that apply',
	'true-false': 'True or false',
	'who-said-it': 'Who said it?',
	'find-the-evidence': 'Find the evidence',
	'fact-or-opinion': 'Sort the statements'
};

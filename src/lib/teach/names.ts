import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import { cutAtWord, visibleText } from '$lib/plain-text';
import { NAME_MAX } from './name-limit';

// Words refused in names students type and in kiosk initials. The word list, look-alike folding
// (leet digits, symbols, full-width and Cyrillic letters) and its allow-list are obscenity's
// well-kept English set; Byline adds a few words that are unkind in a classroom and the real
// names that must pass.

/** Whole words not in obscenity's set that do not belong on a class list or a kiosk board. */
const EXTRA_WORDS =
	/(?:^|[^a-z])(?:kill|kys|die|butt|poo|crap|piss|wtf|stfu|nazi|hitler|kkk)s?(?:[^a-z]|$)/;

/** Real names (and parts of names) that contain a listed word. */
const REAL_NAMES = [
	'dickie',
	'dickens',
	'analise',
	'annalise',
	'shitij',
	'kshitij',
	'fagan',
	'hancock',
	'peacock',
	'hitchcock',
	'cassandra',
	'nazia',
	'nazir'
];

const built = englishDataset.build();
const matcher = new RegExpMatcher({
	...built,
	whitelistedTerms: [...(built.whitelistedTerms ?? []), ...REAL_NAMES],
	...englishRecommendedTransformers
});

/** Also refused inside a longer word ("Bigshitter", "xXfuckXx"). */
const INSIDE_WORDS = /fuck|cunt|nigg|bitch|whore|wank|twat|pussy|asshole|bastard|retard|shitt/;

function listed(text: string): boolean {
	const lower = text.normalize('NFKC').toLowerCase();
	return matcher.hasMatch(text) || INSIDE_WORDS.test(lower) || EXTRA_WORDS.test(lower);
}

/**
 * The ways a word is hidden that a matcher reading left to right misses: spaced or dotted letters
 * ("f u c k", "Bi tch"), and a lower-case L for an I ("SHlT").
 */
function spellings(name: string): string[] {
	const parts = name.split(/[^\p{L}\p{N}@$!]+/u).filter(Boolean);
	const joined: string[] = [];
	for (let i = 0; i + 1 < parts.length; i++)
		if (parts[i].length <= 3 || parts[i + 1].length <= 3) joined.push(parts[i] + parts[i + 1]);
	const letters = parts.filter((w) => w.length === 1).join('');
	if (letters.length > 2) joined.push(letters);
	return [name, ...joined].flatMap((s) => [s, s.replace(/l/g, 'i')]);
}

const BLOCKED_INITIALS = new Set([
	'ASS',
	'FUK',
	'FCK',
	'KKK',
	'SEX',
	'CUM',
	'DIE',
	'FAG',
	'NIG',
	'WTF',
	'TIT',
	'POO',
	'PEE',
	'GAY',
	'HOE',
	'JEW',
	'NAZ',
	'KYS',
	'STD',
	'DIK',
	'COK',
	'XXX',
	'SUK',
	'FUC',
	'FUQ',
	'VAG',
	'PUS',
	'ISI',
	'CNT',
	'FKN',
	'FKU',
	'SHT',
	'FGT',
	'NGR',
	'NGA',
	'RPE',
	'JIZ',
	'KMS',
	'FAP',
	'TWT',
	'WNK',
	'DIX',
	'DIC',
	'COC',
	'SUX',
	'KUM',
	'HTL'
]);
/** True when a name contains a blocked word, however it is spelt. */
export function isOffensiveName(name: string): boolean {
	return spellings(visibleText(name)).some(listed);
}

export function isOffensiveInitials(initials: string): boolean {
	const upper = initials.toUpperCase();
	return (
		BLOCKED_INITIALS.has(upper) ||
		BLOCKED_INITIALS.has(
			upper.replace(/0/g, 'O').replace(/1/g, 'I').replace(/3/g, 'E').replace(/5/g, 'S')
		) ||
		isOffensiveName(upper)
	);
}

const ADJECTIVES = [
	'Brave',
	'Calm',
	'Clever',
	'Curious',
	'Eager',
	'Gentle',
	'Happy',
	'Honest',
	'Keen',
	'Kind',
	'Lively',
	'Lucky',
	'Merry',
	'Nimble',
	'Patient',
	'Polite',
	'Quick',
	'Quiet',
	'Sharp',
	'Steady',
	'Sunny',
	'Swift',
	'Thoughtful',
	'Witty'
];
const ANIMALS = [
	'Badger',
	'Beaver',
	'Bison',
	'Crane',
	'Dolphin',
	'Eagle',
	'Falcon',
	'Fox',
	'Gecko',
	'Heron',
	'Koala',
	'Lynx',
	'Marten',
	'Otter',
	'Owl',
	'Panda',
	'Puffin',
	'Quokka',
	'Raven',
	'Robin',
	'Seal',
	'Tiger',
	'Walrus',
	'Wombat'
];

/** An adjective and an animal, for anonymous mode. */
export function anonymousName(randomInt: (n: number) => number): string {
	return `${ADJECTIVES[randomInt(ADJECTIVES.length)]} ${ANIMALS[randomInt(ANIMALS.length)]}`;
}

/** The name itself, or "Name 2", "Name 3"… so two students with one name are told apart. */
export function distinctName(name: string, taken: readonly string[]): string {
	const lower = new Set(taken.map((t) => t.toLowerCase()));
	if (!lower.has(name.toLowerCase())) return name;
	for (let n = 2; ; n++) if (!lower.has(`${name} ${n}`.toLowerCase())) return `${name} ${n}`;
}

/**
 * Tidies a typed name: no invisible characters, single spaces, at most `NAME_MAX` characters, cut
 * after a whole word. Counted in graphemes, so an emoji (even 👩‍💻, several code points) is never cut
 * in half and counts as one.
 */
export function cleanName(input: string): string {
	return cutAtWord(visibleText(input), NAME_MAX);
}

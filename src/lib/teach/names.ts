// Words refused in names students type and in kiosk initials, matched after folding look-alike
// characters (digits, symbols, full-width and Cyrillic letters), so "b1tch", "@ss" and "SHlT" are
// caught without a long list.

/** Refused wherever they appear inside a word ("xXfuckXx"); rare in real names. */
const INSIDE_WORDS = [
	/fuck/,
	/fuk/,
	/cunt/,
	/nigg/,
	/bitch/,
	/whore/,
	/wank/,
	/twat/,
	/pussy/,
	/asshole/,
	/bastard/,
	/retard/,
	/shit(?![ia])/
];
/** Refused only as a whole word or its plural: they hide inside ordinary names (Hancock, Nazia, Cassandra). */
const WHOLE_WORDS = new Set([
	'shit',
	'dick',
	'cock',
	'slut',
	'fag',
	'rape',
	'nazi',
	'hitler',
	'kkk',
	'porn',
	'sex',
	'penis',
	'vagina',
	'anal',
	'arse',
	'ass',
	'spic',
	'chink',
	'kike',
	'tranny',
	'dyke',
	'cum',
	'tits',
	'boob',
	'piss',
	'crap',
	'damn',
	'hoe',
	'jizz',
	'milf',
	'isis',
	'kill',
	'die',
	'fck',
	'wtf',
	'stfu',
	'gay',
	'lesbo',
	'homo',
	'coon',
	'paki',
	'gook',
	'poo',
	'butt',
	'nigga',
	'kys'
]);

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
// Whole-word-only entries: common name parts contain them ("Cassie", "Dick Francis" aside).
const CYRILLIC: Record<string, string> = {
	а: 'a',
	в: 'b',
	е: 'e',
	ѕ: 's',
	һ: 'h',
	і: 'i',
	ј: 'j',
	к: 'k',
	м: 'm',
	н: 'h',
	о: 'o',
	р: 'p',
	с: 'c',
	т: 't',
	у: 'y',
	х: 'x',
	ԁ: 'd',
	ɡ: 'g'
};

function fold(text: string): string {
	return text
		.normalize('NFKC')
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[авеѕһіјкмнорстухԁɡ]/g, (c) => CYRILLIC[c] ?? c)
		.replace(/0/g, 'o')
		.replace(/[1!|]/g, 'i')
		.replace(/3/g, 'e')
		.replace(/[4@]/g, 'a')
		.replace(/[5$]/g, 's')
		.replace(/7/g, 't');
}

function blockedWords(words: string[]): boolean {
	const whole = (w: string) =>
		WHOLE_WORDS.has(w) || (w.endsWith('s') && WHOLE_WORDS.has(w.slice(0, -1)));
	if (words.some(whole)) return true;
	// Split spellings ("f u c k", "Fu ck"): a short word is read together with its neighbour.
	const joined = [...words];
	for (let i = 0; i + 1 < words.length; i++) {
		if (words[i].length <= 3 || words[i + 1].length <= 3) joined.push(words[i] + words[i + 1]);
	}
	const letters = words.filter((w) => w.length === 1).join('');
	if (letters.length > 2) joined.push(letters);
	return joined.some((w) => whole(w) || INSIDE_WORDS.some((re) => re.test(w)));
}

/** True when a name contains a blocked word; "l" read as "i" too, since "SHlT" is a common dodge. */
export function isOffensiveName(name: string): boolean {
	const folded = fold(name);
	return [folded, folded.replace(/l/g, 'i')].some((f) =>
		blockedWords(f.split(/[^a-z]+/).filter(Boolean))
	);
}

export function isOffensiveInitials(initials: string): boolean {
	const upper = initials.toUpperCase();
	return (
		BLOCKED_INITIALS.has(upper) ||
		BLOCKED_INITIALS.has(fold(upper).toUpperCase()) ||
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

/** Tidies a typed name: single spaces, at most 40 characters. */
export function cleanName(input: string): string {
	// Counted in characters, not UTF-16 units, so an emoji is never cut in half.
	return Array.from(input.replace(/\s+/g, ' ').trim()).slice(0, 40).join('').trim();
}

// Words refused in names students type and in kiosk initials. Kept short and matched on word
// parts after folding look-alike digits, so "b1tch" and "SHlT" are caught without a long list.
const BLOCKED = [
	'fuck',
	'shit',
	'cunt',
	'bitch',
	'dick',
	'cock',
	'pussy',
	'whore',
	'slut',
	'fag',
	'nigg',
	'nigga',
	'retard',
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
	'asshole',
	'bastard',
	'wank',
	'twat',
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
	'fuk',
	'fck',
	'wtf',
	'stfu',
	'gay',
	'lesbo',
	'homo',
	'coon',
	'paki',
	'gook',
	'ass',
	'poo',
	'butt'
];
// Three-letter kiosk initials that spell something on their own.
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
	'ISI'
]);
// Whole-word-only entries: common name parts contain them ("Cassie", "Dick Francis" aside).
const WHOLE_WORD_ONLY = new Set([
	'ass',
	'die',
	'kill',
	'gay',
	'homo',
	'hoe',
	'cum',
	'anal',
	'poo',
	'butt',
	'crap',
	'damn',
	'sex',
	'arse',
	'dick',
	'coon',
	'spic',
	'paki',
	'isis'
]);

function fold(text: string): string {
	return text
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[0@]/g, 'o')
		.replace(/[1!|]/g, 'i')
		.replace(/3/g, 'e')
		.replace(/4/g, 'a')
		.replace(/[5$]/g, 's')
		.replace(/7/g, 't');
}

/** True when a name contains a blocked word (as a whole word, or inside one for the worst). */
export function isOffensiveName(name: string): boolean {
	const folded = fold(name);
	const words = folded.split(/[^a-z]+/).filter(Boolean);
	const squashed = words.join('');
	return BLOCKED.some((bad) =>
		WHOLE_WORD_ONLY.has(bad)
			? words.includes(bad) || words.includes(bad + 's')
			: squashed.includes(bad)
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
	return input.replace(/\s+/g, ' ').trim().slice(0, 40);
}

import type { Quiz } from '$lib/quiz/catalogue';
import type { PlayOwner } from '$lib/quiz/play';
import { REVEAL_EACH_ANSWER, type RevealRule } from '$lib/quiz/reveal';
import type { Store } from './db/connection';

/** What a play is a round of, as its pages need it: the quiz, the way home, and whether it is open. */
export interface PlaySource {
	quiz: Quiz;
	/** Where the student goes from the results: the home page, the assignment's join page, the kiosk. */
	home: string;
	/** Why the source takes no more answers now (an assignment closed early or past its close time), or null. */
	closed(now: Date): string | null;
	/** When right answers are shown: an assignment's setting; after each answer elsewhere. */
	reveal: Omit<RevealRule, 'closed'>;
}

/**
 * One kind of owner. Sources keep their settings in a small cache and `forget` one when a teacher
 * edits it (every instance forgets it: `createApp` passes the word on through the store's event
 * bus).
 */
export interface PlaySourceKind {
	resolve(store: Store, id: string): Promise<PlaySource | null>;
	forget(id: string): void;
}

/** The registry on the app object: one source per kind of owner. */
export interface PlaySources {
	quiz: PlaySourceKind;
	assignment: PlaySourceKind;
	kiosk: PlaySourceKind;
}

export function resolvePlaySource(
	sources: PlaySources,
	store: Store,
	owner: PlayOwner
): Promise<PlaySource | null> {
	return owner.kind === 'quiz'
		? sources.quiz.resolve(store, owner.quizId)
		: sources[owner.kind].resolve(store, owner.id);
}

const CACHE_SIZE = 2000;

/**
 * A source kind whose settings are read once and kept until `forget` (a teacher's edit) or until
 * the cache is full. Missing owners are not cached, so a new one is found at once.
 */
export function cachedSource(
	load: (store: Store, id: string) => Promise<PlaySource | null>
): PlaySourceKind {
	const cache = new Map<string, PlaySource>();
	const keep = (id: string, found: PlaySource | null) => {
		if (found) {
			if (cache.size >= CACHE_SIZE) cache.clear();
			cache.set(id, found);
		}
		return found;
	};
	return {
		async resolve(store, id) {
			return cache.get(id) ?? keep(id, await load(store, id));
		},
		forget(id) {
			cache.delete(id);
		}
	};
}

/** Quizzes from the home page: the bank's catalogue, always open. */
export function quizSource(bank: { quiz: ReadonlyMap<string, Quiz> }): PlaySourceKind {
	return {
		async resolve(_store, id) {
			const quiz = bank.quiz.get(id);
			return quiz ? { quiz, home: '/', closed: () => null, reveal: REVEAL_EACH_ANSWER } : null;
		},
		forget() {}
	};
}

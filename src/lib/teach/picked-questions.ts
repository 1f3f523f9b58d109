/**
 * The questions a teacher has ticked, in the order they chose: kept across filter changes and
 * form round trips (the page works without JavaScript, so the list travels in the form).
 */

/** The ticked ids in the order posted, each once, known ones only. */
export function pickedQuestions(
	posted: readonly string[],
	known: (id: string) => boolean
): string[] {
	return [...new Set(posted)].filter(known);
}

export type Move = { id: string; by: -1 | 1 } | { id: string; by: 'remove' };

/** A posted "move" button value: `up:<id>`, `down:<id>` or `remove:<id>`. */
export function readMove(value: string | null): Move | null {
	const match = /^(up|down|remove):(.+)$/.exec(value ?? '');
	if (!match) return null;
	const [, how, id] = match;
	return { id, by: how === 'remove' ? 'remove' : how === 'up' ? -1 : 1 };
}

export function applyMove(list: readonly string[], move: Move): string[] {
	const at = list.indexOf(move.id);
	if (at === -1) return [...list];
	if (move.by === 'remove') return list.filter((id) => id !== move.id);
	const to = at + move.by;
	if (to < 0 || to >= list.length) return [...list];
	const next = [...list];
	[next[at], next[to]] = [next[to], next[at]];
	return next;
}

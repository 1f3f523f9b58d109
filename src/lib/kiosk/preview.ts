import type { Question } from '$lib/bank/schema';

/** Short prompts only: the preview is read in passing, from across the room. */
const PREVIEW_LENGTH = 150;

/**
 * Whether a prompt may be shown, unanswered, in large type on the attract screen. Only questions:
 * a true-or-false prompt is a statement that may be false, and a media-literacy screen must never
 * display a false claim with nobody there to see it corrected.
 */
export function suitsAttractScreen(q: Question): boolean {
	const prompt = q.prompt.trim();
	return q.type !== 'true-false' && prompt.endsWith('?') && prompt.length <= PREVIEW_LENGTH;
}

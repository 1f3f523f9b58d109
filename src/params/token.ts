import type { ParamMatcher } from '@sveltejs/kit';
import { PLAY_ID } from '$lib/play-id';

/** Student ids (and other 128-bit tokens) share the play id's shape. */
export const match: ParamMatcher = (param) => PLAY_ID.test(param);

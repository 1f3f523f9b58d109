import type { ParamMatcher } from '@sveltejs/kit';
import { PLAY_ID } from '$lib/play-id';

export const match: ParamMatcher = (param) => PLAY_ID.test(param);

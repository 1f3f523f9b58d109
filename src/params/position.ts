import type { ParamMatcher } from '@sveltejs/kit';

/** 1-based question numbers in a play. */
export const match: ParamMatcher = (param) => /^[1-9][0-9]{0,2}$/.test(param);

import type { ParamMatcher } from '@sveltejs/kit';

/** Quiz and article ids: lower-case words joined by "-". */
export const match: ParamMatcher = (param) =>
	/^[a-z0-9]+(-[a-z0-9]+)*$/.test(param) && param.length <= 80;

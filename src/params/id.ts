import type { ParamMatcher } from '@sveltejs/kit';

/** Class and assignment ids: 96 random bits in URL-safe base64. */
export const match: ParamMatcher = (param) => /^[A-Za-z0-9_-]{16}$/.test(param);

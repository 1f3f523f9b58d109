import type { ParamMatcher } from '@sveltejs/kit';
import { isJoinCode } from '$lib/teach/join-code';

export const match: ParamMatcher = (param) => isJoinCode(param);

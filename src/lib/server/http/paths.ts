/**
 * The path decoded as SvelteKit decodes it (`decodeURI` on the parts between encoded percent
 * signs), or null when it cannot be (`%g`, `%E0%A4%A` and the like). The result is returned, not
 * only tried, so a bundler cannot drop the call as unused.
 */
export function decodedPath(pathname: string): string | null {
	try {
		return pathname.split('%25').map(decodeURI).join('%25');
	} catch {
		return null;
	}
}

/**
 * The form action a POST names (`?/close` → `close`), or null for the default action. Mirrors
 * SvelteKit: the first query parameter whose name starts with a slash.
 */
export function actionName(url: URL): string | null {
	for (const [key] of url.searchParams) if (key.startsWith('/')) return key.slice(1);
	return null;
}

/**
 * Names no action of ours may have: SvelteKit looks actions up on a plain object, so a name like
 * `__proto__` or `valueOf` finds something that is not an action, and `default` is reserved.
 */
export function isReservedActionName(name: string): boolean {
	return name === 'default' || name in Object.prototype;
}

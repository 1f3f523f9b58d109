/** Every kiosk page lives under its own URL; nothing on a kiosk page may lead anywhere else. */
export function kioskHome(token: string): string {
	return `/kiosk/${token}`;
}

/** `path` if it is a page of this kiosk (a same-origin path, no tricks), else the attract screen. */
export function insideKiosk(token: string, path: string | null | undefined): string {
	const home = kioskHome(token);
	if (!path || !path.startsWith(home + '/') || path.includes('//') || path.includes('\\'))
		return home;
	try {
		// Resolving must not change the path (no "..", no encoded slashes leading out).
		const resolved = new URL(path, 'http://kiosk.invalid');
		return resolved.pathname.startsWith(home + '/') && !/%2f|%5c/i.test(path)
			? resolved.pathname + resolved.search
			: home;
	} catch {
		return home;
	}
}

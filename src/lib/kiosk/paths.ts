/** Every page of a kiosk lives under its own URL; nothing on a kiosk page leads anywhere else. */
export function kioskHome(token: string): string {
	return `/kiosk/${token}`;
}

/** A page of one round: the question, `/feedback/<n>`, `/end`, `/read/<article>`. */
export function roundPath(token: string, playId: string, rest = ''): string {
	return `${kioskHome(token)}/play/${playId}${rest}`;
}

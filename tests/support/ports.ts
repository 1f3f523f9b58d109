/**
 * Every port the browser tests listen on, offset from one base so two checkouts can run their
 * suites side by side on one machine (`BYLINE_TEST_PORT_BASE=5300 npm test`).
 */
export const PORT_BASE = Number(process.env.BYLINE_TEST_PORT_BASE) || 4300;

export function testPort(offset: number): number {
	return PORT_BASE + offset;
}

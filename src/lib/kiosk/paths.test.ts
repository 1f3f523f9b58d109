import { describe, expect, it } from 'vitest';
import { kioskHome, roundPath } from './paths';

describe('kiosk paths', () => {
	it('keep every page under the kiosk’s own URL', () => {
		expect(kioskHome('T')).toBe('/kiosk/T');
		expect(roundPath('T', 'P')).toBe('/kiosk/T/play/P');
		expect(roundPath('T', 'P', '/feedback/2')).toBe('/kiosk/T/play/P/feedback/2');
	});
});

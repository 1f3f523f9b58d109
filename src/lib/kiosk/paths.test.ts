import { describe, expect, it } from 'vitest';
import { insideKiosk, kioskHome } from './paths';

const T = 'AAAAAAAAAAAAAAAAAAAAAA';
const home = kioskHome(T);

describe('insideKiosk', () => {
	it('keeps a path of this kiosk, with its query', () => {
		expect(insideKiosk(T, `${home}/play/abc/feedback/1`)).toBe(`${home}/play/abc/feedback/1`);
		expect(insideKiosk(T, `${home}/read/slate?quote=x`)).toBe(`${home}/read/slate?quote=x`);
	});

	it.each([
		null,
		'',
		'/teach',
		'/articles/slate',
		'https://evil.example/kiosk/' + T + '/x',
		'//evil.example' + home + '/x',
		`${home}/../../teach`,
		`${home}/..%2f..%2fteach`,
		`/kiosk/BBBBBBBBBBBBBBBBBBBBBB/play/x`,
		`${home}x/play`,
		`${home}/\\evil`
	])('sends %j back to the attract screen', (path) => {
		expect(insideKiosk(T, path)).toBe(home);
	});
});

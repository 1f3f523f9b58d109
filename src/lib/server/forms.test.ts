import { describe, expect, it } from 'vitest';
import { NOT_A_FORM, UNREADABLE_FORM, readForm, textField, textFields } from './forms';

function post(body: BodyInit, type: string | null): Request {
	const headers = new Headers();
	if (type) headers.set('content-type', type);
	return new Request('http://localhost/join', { method: 'POST', body, headers });
}

describe('readForm', () => {
	it('reads url-encoded and multipart forms', async () => {
		const encoded = await readForm(
			post('code=ABC234&name=Ama', 'application/x-www-form-urlencoded')
		);
		expect(encoded.ok && textField(encoded.form, 'code')).toBe('ABC234');
		const multipart = new FormData();
		multipart.append('name', 'Ama');
		const read = await readForm(
			new Request('http://localhost/', { method: 'POST', body: multipart })
		);
		expect(read.ok && textField(read.form, 'name')).toBe('Ama');
	});

	it('answers 415 for bodies that are not forms', async () => {
		for (const type of ['text/plain', 'application/json', null, 'text/plain;charset=utf-8']) {
			const read = await readForm(post('name=Ama', type));
			expect(read, String(type)).toMatchObject({
				ok: false,
				failure: { status: 415, data: { message: NOT_A_FORM } }
			});
		}
	});

	it('answers 400 for a broken multipart body', async () => {
		for (const body of ['not multipart at all', '--x\r\nContent-Disposition: form-data\r\n\r\n']) {
			const read = await readForm(post(body, 'multipart/form-data; boundary=x'));
			expect(read).toMatchObject({
				ok: false,
				failure: { status: 400, data: { message: UNREADABLE_FORM } }
			});
		}
		const noBoundary = await readForm(post('a=1', 'multipart/form-data'));
		expect(noBoundary).toMatchObject({ ok: false, failure: { status: 400 } });
	});
});

describe('textField and textFields', () => {
	it('give text values only, never a file, and "" for a missing field', () => {
		const form = new FormData();
		form.append('q', 'a');
		form.append('q', new Blob(['x']), 'x.txt');
		form.append('q', 'b');
		form.append('file', new Blob(['x']), 'x.txt');
		expect(textFields(form, 'q')).toEqual(['a', 'b']);
		expect(textField(form, 'file')).toBe('');
		expect(textField(form, 'missing')).toBe('');
	});
});

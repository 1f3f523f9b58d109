import { describe, expect, it } from 'vitest';
import { writeAllowed } from './origin-policy';

const post = (origin: string | null, host: string) => ({ method: 'POST', origin, host });

describe('writeAllowed without a configured public URL', () => {
	it('accepts a write from the host it was sent to, on any address and over plain http', () => {
		expect(writeAllowed(post('http://localhost:3000', 'localhost:3000'), null)).toBe(true);
		expect(writeAllowed(post('http://127.0.0.1:3000', '127.0.0.1:3000'), null)).toBe(true);
		expect(writeAllowed(post('http://192.168.1.20:3000', '192.168.1.20:3000'), null)).toBe(true);
		expect(writeAllowed(post('http://[fd00::2]:3000', '[fd00::2]:3000'), null)).toBe(true);
		expect(writeAllowed(post('http://Laptop.local:3000', 'laptop.local:3000'), null)).toBe(true);
	});

	it('refuses a write from another site, another port, or with no usable origin', () => {
		expect(writeAllowed(post('http://evil.example', 'localhost:3000'), null)).toBe(false);
		expect(writeAllowed(post('http://localhost:4000', 'localhost:3000'), null)).toBe(false);
		expect(writeAllowed(post('http://127.0.0.1:3000', 'localhost:3000'), null)).toBe(false);
		expect(writeAllowed(post(null, 'localhost:3000'), null)).toBe(false);
		expect(writeAllowed(post('null', 'localhost:3000'), null)).toBe(false);
		expect(writeAllowed(post('file:///x', 'localhost:3000'), null)).toBe(false);
		expect(writeAllowed(post('%g', 'localhost:3000'), null)).toBe(false);
	});

	it('lets every read through and treats every write method alike', () => {
		expect(writeAllowed({ method: 'GET', origin: 'http://evil.example', host: 'a' }, null)).toBe(
			true
		);
		for (const method of ['PUT', 'PATCH', 'DELETE', 'post'])
			expect(writeAllowed({ method, origin: 'http://evil.example', host: 'a' }, null)).toBe(false);
	});
});

describe('writeAllowed with a configured public URL', () => {
	const publicUrl = new URL('https://quiz.example.school');

	it('accepts only that origin, whatever host header the proxy passed on', () => {
		expect(writeAllowed(post('https://quiz.example.school', '127.0.0.1:3000'), publicUrl)).toBe(
			true
		);
		expect(writeAllowed(post('http://127.0.0.1:3000', '127.0.0.1:3000'), publicUrl)).toBe(false);
		expect(writeAllowed(post('http://quiz.example.school', 'quiz.example.school'), publicUrl)).toBe(
			false
		);
	});
});

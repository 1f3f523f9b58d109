import { describe, expect, it } from 'vitest';
import type { NetworkInterfaceInfo } from 'node:os';
import {
	isLoopbackHost,
	listeningAddresses,
	networkAddresses,
	studentAddress,
	type Interfaces
} from './addresses';

function nic(address: string, family: 'IPv4' | 'IPv6', internal = false): NetworkInterfaceInfo {
	const base = { address, netmask: '', mac: '00:00:00:00:00:00', internal, cidr: null };
	return family === 'IPv4' ? { ...base, family } : { ...base, family, scopeid: 0 };
}

const laptop: Interfaces = {
	lo: [nic('127.0.0.1', 'IPv4', true), nic('::1', 'IPv6', true)],
	wlan0: [nic('192.168.1.20', 'IPv4'), nic('fe80::1', 'IPv6'), nic('2001:db8::20', 'IPv6')]
};
const offline: Interfaces = { lo: [nic('127.0.0.1', 'IPv4', true)] };

const requested = (href: string) => new URL(href);

describe('isLoopbackHost', () => {
	it('knows the names and addresses that only this machine can open', () => {
		for (const host of [
			'localhost',
			'LOCALHOST',
			'app.localhost',
			'127.0.0.1',
			'127.1.2.3',
			'[::1]'
		])
			expect(isLoopbackHost(host), host).toBe(true);
		for (const host of ['192.168.1.20', 'laptop.local', '[2001:db8::20]', 'localhost.example'])
			expect(isLoopbackHost(host), host).toBe(false);
	});
});

describe('networkAddresses', () => {
	it('lists IPv4, then global IPv6, leaving out loopback and link-local', () => {
		expect(networkAddresses(laptop)).toEqual(['192.168.1.20', '[2001:db8::20]']);
		expect(networkAddresses(offline)).toEqual([]);
	});
});

describe('studentAddress', () => {
	it('uses the configured public URL above all', () => {
		expect(
			studentAddress(
				new URL('https://quiz.example.school'),
				requested('http://localhost:3000/'),
				laptop
			)
		).toEqual({ origin: 'https://quiz.example.school', swappedLoopback: false });
	});

	it('keeps the address the teacher used when other devices can use it too', () => {
		expect(studentAddress(null, requested('http://192.168.1.20:3000/x'), laptop)).toEqual({
			origin: 'http://192.168.1.20:3000',
			swappedLoopback: false
		});
		expect(studentAddress(null, requested('http://laptop.local:3000/'), laptop).origin).toBe(
			'http://laptop.local:3000'
		);
	});

	it('swaps a loopback address for the machine’s network address, keeping the port', () => {
		for (const href of ['http://localhost:3000/', 'http://127.0.0.1:3000/', 'http://[::1]:3000/'])
			expect(studentAddress(null, requested(href), laptop)).toEqual({
				origin: 'http://192.168.1.20:3000',
				swappedLoopback: true
			});
	});

	it('keeps loopback when the machine has no network', () => {
		expect(studentAddress(null, requested('http://localhost:3000/'), offline)).toEqual({
			origin: 'http://localhost:3000',
			swappedLoopback: false
		});
	});
});

describe('listeningAddresses', () => {
	it('prints localhost and every network address when listening on all of them', () => {
		expect(listeningAddresses('::', 3000, laptop)).toEqual({
			local: ['http://localhost:3000/'],
			network: ['http://192.168.1.20:3000/', 'http://[2001:db8::20]:3000/']
		});
	});

	it('leaves IPv6 out when listening on IPv4 only', () => {
		expect(listeningAddresses('0.0.0.0', 3000, laptop).network).toEqual([
			'http://192.168.1.20:3000/'
		]);
	});

	it('prints only the one address of a server bound to it', () => {
		expect(listeningAddresses('127.0.0.1', 4000, laptop)).toEqual({
			local: ['http://127.0.0.1:4000/'],
			network: []
		});
		expect(listeningAddresses('192.168.1.20', 4000, laptop)).toEqual({
			local: [],
			network: ['http://192.168.1.20:4000/']
		});
	});
});

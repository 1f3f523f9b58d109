import { describe, expect, it } from 'vitest';
import { countdownSeconds, idlePhase } from './idle';

describe('countdownSeconds', () => {
	it('is a third of the idle timeout, between 10 and 20 seconds', () => {
		expect(countdownSeconds(60)).toBe(20);
		expect(countdownSeconds(45)).toBe(15);
		expect(countdownSeconds(5)).toBe(10);
		expect(countdownSeconds(600)).toBe(20);
	});
});

describe('idlePhase', () => {
	const start = 1_000_000;
	const at = (seconds: number) => idlePhase(start, start + seconds * 1000, 60);

	it('plays until the idle timeout', () => {
		expect(at(0)).toEqual({ phase: 'playing' });
		expect(at(59.9)).toEqual({ phase: 'playing' });
	});

	it('then asks, counting down whole seconds', () => {
		expect(at(60)).toEqual({ phase: 'asking', secondsLeft: 20 });
		expect(at(70.5)).toEqual({ phase: 'asking', secondsLeft: 10 });
		expect(at(79.1)).toEqual({ phase: 'asking', secondsLeft: 1 });
	});

	it('then expires', () => {
		expect(at(80)).toEqual({ phase: 'expired' });
		expect(at(3600)).toEqual({ phase: 'expired' });
	});
});

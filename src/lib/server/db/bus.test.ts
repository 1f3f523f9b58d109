import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBus, type Bus } from './bus';
import type { Store } from './connection';
import { openTestStore, testPostgres } from './test-store';

const dir = mkdtempSync(join(tmpdir(), 'byline-bus-'));
const open: { store: Store; bus: Bus }[] = [];
afterEach(async () => {
	for (const { store, bus } of open.splice(0)) {
		await bus.close();
		await store.destroy();
	}
});

async function instance(path: string) {
	const store = await openTestStore(path);
	const bus = openBus(store);
	open.push({ store, bus });
	return bus;
}

/** Resolves with the topics `bus` heard once `count` of them arrived. */
function hear(bus: Bus, topic: string, count: number): Promise<string[]> {
	return new Promise((done) => {
		const heard: string[] = [];
		const stop = bus.subscribe(topic, (t) => {
			heard.push(t);
			if (heard.length === count) {
				stop();
				done(heard);
			}
		});
	});
}

/** Publishes until the listener hears it: a PostgreSQL listener connects in the background. */
async function publishUntilHeard(bus: Bus, topic: string, heard: Promise<unknown>) {
	let done = false;
	void heard.then(() => (done = true));
	while (!done) {
		await bus.publish(topic);
		await Promise.race([heard, new Promise((r) => setTimeout(r, 100))]);
	}
}

describe('the event bus', () => {
	it('tells a subscriber of a topic, and of every topic with *', async () => {
		const bus = await instance(join(dir, 'one.db'));
		const exact = hear(bus, 'assignment:a', 1);
		const every = hear(bus, '*', 1);
		await publishUntilHeard(bus, 'assignment:a', Promise.all([exact, every]));
		expect(await exact).toEqual(['assignment:a']);
		expect((await every)[0]).toBe('assignment:a');
	});

	it('does not tell a subscriber of another topic', async () => {
		const bus = await instance(join(dir, 'other.db'));
		const heard: string[] = [];
		bus.subscribe('assignment:b', (t) => heard.push(t));
		const mine = hear(bus, 'assignment:a', 1);
		await publishUntilHeard(bus, 'assignment:a', mine);
		expect(heard).toEqual([]);
	});
});

describe('announcing', () => {
	it('sends a burst of announcements of one topic as one at once and one at the end of its window', async () => {
		const bus = await instance(join(dir, 'announce.db'));
		await publishUntilHeard(bus, 'ready', hear(bus, 'ready', 1));
		const heard: string[] = [];
		bus.subscribe('assignment:a', (t) => heard.push(t));
		const twoHeard = hear(bus, 'assignment:a', 2);
		for (let i = 0; i < 50; i++) bus.announce('assignment:a');
		await twoHeard;
		// Published after the second was heard, so it arrives after anything sent before it.
		await publishUntilHeard(bus, 'after', hear(bus, 'after', 1));
		expect(heard).toEqual(['assignment:a', 'assignment:a']);
	});
});

describe.runIf(testPostgres)('the event bus on PostgreSQL', () => {
	it('carries a topic from one instance to another on the same database', async () => {
		const path = join(dir, 'shared.db');
		const a = await instance(path);
		const b = await instance(path);
		const heardOnB = hear(b, 'assignment:x', 1);
		await publishUntilHeard(a, 'assignment:x', heardOnB);
		expect(await heardOnB).toEqual(['assignment:x']);
	});
});

import { EventEmitter } from 'node:events';
import { sql } from 'kysely';
import pg from 'pg';
import { postgresUrlOf, type Store } from './connection';

/**
 * The event bus every instance hears: a topic is published ("assignment:<id>" when one of its
 * answers is stored) and every subscriber to it, on any instance, is told. On PostgreSQL it is
 * LISTEN/NOTIFY (the notification leaves only when its transaction commits); on SQLite, where one
 * process serves the file, an in-process emitter. Topics carry no data: a subscriber reads the store.
 */
export interface Bus {
	publish(topic: string): Promise<void>;
	/**
	 * Publishes `topic` soon, at most once per `ANNOUNCE_WINDOW_MS`: the first call at once, any
	 * later ones in the window together at its end. For news that many requests repeat in a burst
	 * (a class answering together), so the store is not sent one message per answer.
	 */
	announce(topic: string): void;
	/**
	 * Calls `listener` for every `topic` published from now on (`'*'`: every topic, named in the
	 * call); returns the unsubscribe.
	 */
	subscribe(topic: string, listener: (topic: string) => void): () => void;
	close(): Promise<void>;
}

const CHANNEL = 'byline_events';

/** Well inside the 2 s in which a dashboard on any instance must show an answer. */
export const ANNOUNCE_WINDOW_MS = 200;

export function openBus(store: Store): Bus {
	const url = postgresUrlOf(store);
	const bus = url ? postgresBus(store, url) : localBus();
	const announcer = coalesced((topic) =>
		bus.publish(topic).catch((e) => console.error(`Publishing ${topic} failed:`, e))
	);
	return {
		...bus,
		announce: announcer.announce,
		async close() {
			announcer.stop();
			await bus.close();
		}
	};
}

/** `announce` over `send`: per topic, the first at once, the rest of its window at the window's end. */
function coalesced(send: (topic: string) => Promise<void>) {
	// A topic is here while its window is open; true when another announce came in it.
	const windows = new Map<string, boolean>();
	const timers = new Set<ReturnType<typeof setTimeout>>();
	const open = (topic: string) => {
		windows.set(topic, false);
		void send(topic);
		const timer = setTimeout(() => {
			timers.delete(timer);
			if (windows.get(topic)) open(topic);
			else windows.delete(topic);
		}, ANNOUNCE_WINDOW_MS);
		timers.add(timer);
	};
	return {
		announce(topic: string) {
			if (windows.has(topic)) windows.set(topic, true);
			else open(topic);
		},
		stop() {
			for (const timer of timers) clearTimeout(timer);
			timers.clear();
			windows.clear();
		}
	};
}

function emitter(): EventEmitter {
	const events = new EventEmitter();
	// A dashboard open in many tabs is many listeners on one topic; that is no leak.
	events.setMaxListeners(0);
	return events;
}

function deliver(events: EventEmitter, topic: string): void {
	events.emit(topic, topic);
	if (topic !== '*') events.emit('*', topic);
}

function localBus(): Omit<Bus, 'announce'> {
	const events = emitter();
	return {
		async publish(topic) {
			deliver(events, topic);
		},
		subscribe(topic, listener) {
			events.on(topic, listener);
			return () => events.off(topic, listener);
		},
		async close() {
			events.removeAllListeners();
		}
	};
}

const RECONNECT_MS = 1000;

function postgresBus(store: Store, url: string): Omit<Bus, 'announce'> {
	const events = emitter();
	let client: pg.Client | null = null;
	let closed = false;
	// One listening connection per instance, opened with the first subscriber and reopened if lost.
	const listen = async () => {
		if (client || closed) return;
		const next = new pg.Client({ connectionString: url });
		client = next;
		const retry = () => {
			if (client !== next) return;
			client = null;
			next.end().catch(() => {});
			if (!closed && events.eventNames().length > 0) setTimeout(listen, RECONNECT_MS).unref();
		};
		next.on('error', (error) => {
			console.error('The event bus lost PostgreSQL, reconnecting:', error.message);
			retry();
		});
		next.on('end', retry);
		next.on('notification', (message) => {
			if (message.payload) deliver(events, message.payload);
		});
		try {
			await next.connect();
			await next.query(`LISTEN ${CHANNEL}`);
		} catch (error) {
			console.error('The event bus could not listen on PostgreSQL:', (error as Error).message);
			retry();
		}
	};
	return {
		async publish(topic) {
			await sql`SELECT pg_notify(${CHANNEL}, ${topic})`.execute(store);
		},
		subscribe(topic, listener) {
			events.on(topic, listener);
			void listen();
			return () => events.off(topic, listener);
		},
		async close() {
			closed = true;
			events.removeAllListeners();
			const open = client;
			client = null;
			await open?.end().catch(() => {});
		}
	};
}

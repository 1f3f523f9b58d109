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
	 * Calls `listener` for every `topic` published from now on (`'*'`: every topic, named in the
	 * call); returns the unsubscribe.
	 */
	subscribe(topic: string, listener: (topic: string) => void): () => void;
	close(): Promise<void>;
}

const CHANNEL = 'byline_events';

export function openBus(store: Store): Bus {
	const url = postgresUrlOf(store);
	return url ? postgresBus(store, url) : localBus();
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

function localBus(): Bus {
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

function postgresBus(store: Store, url: string): Bus {
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

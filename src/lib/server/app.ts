import { config } from './config';
import { assignmentSource } from './assignments';
import { hearAuthored, loadAuthored } from './authored';
import { loadBankOrThrow, type LoadedBank } from './bank';
import { openStore, type Store } from './db/connection';
import { kioskSource } from './kiosks';
import { openBus, type Bus } from './db/bus';
import { quizSource, type PlaySourceKind, type PlaySources } from './play-sources';
import { purgeExpiredData } from './retention';
import { purgeAbandonedFreePlays } from './abandoned-plays';
import { serverNow } from './clock';
import { deleteJobRunsBefore, runOnce } from './db/jobs';

const DAY = 24 * 60 * 60 * 1000;

/**
 * What every request works with: the bank (read-only), the store, and the registry of play
 * sources. Shared, never per-user.
 */
export interface App {
	bank: LoadedBank;
	store: Store;
	/** What every instance hears: answers stored (for dashboards), settings edited (for caches). */
	bus: Bus;
	sources: PlaySources;
	/**
	 * Starts hearing what other instances say a teacher changed: settings to forget, and articles
	 * and question versions to read.
	 */
	hearOtherInstances(): () => void;
}

/** A source kind whose `forget` tells every instance, through the bus, to forget too. */
function forgottenEverywhere(bus: Bus, name: string, kind: PlaySourceKind): PlaySourceKind {
	return {
		resolve: (store, id) => kind.resolve(store, id),
		forget(id) {
			kind.forget(id);
			bus
				.publish(`forget:${name}:${id}`)
				.catch((e) => console.error('Telling other instances to forget failed:', e));
		}
	};
}

/** The app over a loaded bank and an open store, with every kind of play source registered. */
export function createApp(bank: LoadedBank, store: Store): App {
	const bus = openBus(store);
	const own = { assignment: assignmentSource(bank), kiosk: kioskSource(bank) };
	return {
		bank,
		store,
		bus,
		sources: {
			quiz: quizSource(bank),
			assignment: forgottenEverywhere(bus, 'assignment', own.assignment),
			kiosk: forgottenEverywhere(bus, 'kiosk', own.kiosk)
		},
		hearOtherInstances() {
			return bus.subscribe('*', (topic) => {
				const forget = /^forget:(assignment|kiosk):(.+)$/.exec(topic);
				if (forget) own[forget[1] as 'assignment' | 'kiosk'].forget(forget[2]);
				hearAuthored(this, topic).catch((e) =>
					console.error('Reading a question saved on another instance failed:', e)
				);
			});
		}
	};
}

/** Stops the bus's pending announcements before the store goes, so none is sent to a closed store. */
export async function closeApp(app: App): Promise<void> {
	await app.bus.close();
	await app.store.destroy();
}

let app: App | undefined;

export async function startApp(): Promise<App> {
	const bank = loadBankOrThrow(config.questionsDir);
	const store = await openStore(config.databasePath, config.databasePool);
	app = createApp(bank, store);
	await loadAuthored(app);
	app.hearOtherInstances();
	const started = app;
	// Once an hour across every instance sharing the store: the first to claim the hour runs it.
	const purge = () => {
		const now = serverNow();
		return runOnce(started.store, 'retention', now.toISOString().slice(0, 13), now, () =>
			Promise.all([
				purgeExpiredData(started, config.retentionDays, now),
				purgeAbandonedFreePlays(started, now),
				deleteJobRunsBefore(started.store, new Date(now.getTime() - 7 * DAY).toISOString())
			])
		).catch((e) => console.error('Purging old student data failed:', e));
	};
	await purge();
	// Hourly; unref'd so the timer never keeps a stopping process alive.
	setInterval(purge, 60 * 60 * 1000).unref();
	return app;
}

/**
 * Closes the app once the server has answered its last request, so nothing holds the process
 * open: the store's connections and threads, and the bus's listening client on PostgreSQL.
 */
export async function stopApp(): Promise<void> {
	const stopping = app;
	app = undefined;
	if (stopping) await closeApp(stopping);
}

export function useApp(): App {
	if (!app) throw new Error('The app was used before start-up finished (hooks.server.ts init).');
	return app;
}

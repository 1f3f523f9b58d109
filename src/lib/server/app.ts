import { config } from './config';
import { assignmentSource } from './assignments';
import { loadAuthored } from './authored';
import { loadBankOrThrow, type LoadedBank } from './bank';
import { openStore, type Store } from './db/connection';
import { kioskSource } from './kiosks';
import { quizSource, type PlaySources } from './play-sources';
import { purgeExpiredData } from './retention';
import { purgeAbandonedFreePlays } from './abandoned-plays';
import { serverNow } from './clock';

/**
 * What every request works with: the bank (read-only), the store, and the registry of play
 * sources. Shared, never per-user.
 */
export interface App {
	bank: LoadedBank;
	store: Store;
	sources: PlaySources;
}

/** The app over a loaded bank and an open store, with every kind of play source registered. */
export function createApp(bank: LoadedBank, store: Store): App {
	return {
		bank,
		store,
		sources: {
			quiz: quizSource(bank),
			assignment: assignmentSource(bank),
			kiosk: kioskSource(bank)
		}
	};
}

let app: App | undefined;

export async function startApp(): Promise<App> {
	const bank = loadBankOrThrow(config.questionsDir);
	const store = await openStore(config.databasePath);
	app = createApp(bank, store);
	await loadAuthored(app);
	const started = app;
	const purge = () =>
		Promise.all([
			purgeExpiredData(started, config.retentionDays, serverNow()),
			purgeAbandonedFreePlays(started, serverNow())
		]).catch((e) => console.error('Purging old student data failed:', e));
	await purge();
	// Hourly; unref'd so the timer never keeps a stopping process alive.
	setInterval(purge, 60 * 60 * 1000).unref();
	return app;
}

export function useApp(): App {
	if (!app) throw new Error('The app was used before start-up finished (hooks.server.ts init).');
	return app;
}

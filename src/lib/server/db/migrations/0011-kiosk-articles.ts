import type { Kysely, Migration } from 'kysely';

/**
 * The teacher's own articles a kiosk's rounds draw from (a JSON list of ids; null for none, as for
 * every kiosk made before it).
 */
export const kioskArticles: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema.alterTable('kiosk').addColumn('article_ids', 'text').execute();
	}
};

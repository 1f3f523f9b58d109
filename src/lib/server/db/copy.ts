import { sql } from 'kysely';
import { inTransaction, storeKind, type Store } from './connection';

/**
 * Copying a whole store into another (SQLite into PostgreSQL, or back): every table the
 * migrations made, parents before children so every foreign key finds its row, in one transaction
 * on the target so a failed copy leaves it empty. The target must be migrated and empty.
 */

export interface CopiedTable {
	table: string;
	rows: number;
}

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters for the widest table. */
const BATCH = 500;

// The query builder is typed for Byline's own tables; a copy goes over whatever tables exist.
type AnyStore = Store & { selectFrom(table: string): never };

async function tablesOf(store: Store): Promise<string[]> {
	return (await store.introspection.getTables())
		.filter((t) => !t.isView && (t.schema === undefined || t.schema === 'public'))
		.map((t) => t.name)
		.sort();
}

/** Each table with the tables its foreign keys point at. */
async function parentsOf(store: Store, tables: string[]): Promise<Map<string, string[]>> {
	const parents = new Map(tables.map((t) => [t, [] as string[]]));
	if (storeKind(store) === 'sqlite') {
		for (const table of tables) {
			const { rows } = await sql<{
				table: string;
			}>`SELECT "table" FROM pragma_foreign_key_list(${table})`.execute(store);
			parents.set(table, [...new Set(rows.map((r) => r.table))]);
		}
	} else {
		const { rows } = await sql<{ child: string; parent: string }>`SELECT
			conrelid::regclass::text AS child, confrelid::regclass::text AS parent
			FROM pg_constraint WHERE contype = 'f'`.execute(store);
		for (const { child, parent } of rows) parents.get(child)?.push(parent);
	}
	return parents;
}

/** Parents first; a table that points at itself is fine as long as its rows come in order. */
function parentsFirst(parents: Map<string, string[]>): string[] {
	const order: string[] = [];
	const seen = new Set<string>();
	const visit = (table: string) => {
		if (seen.has(table)) return;
		seen.add(table);
		for (const parent of parents.get(table) ?? []) if (parent !== table) visit(parent);
		order.push(table);
	};
	[...parents.keys()].sort().forEach(visit);
	return order;
}

export async function countRows(store: Store, table: string): Promise<number> {
	const { rows } = await sql<{
		n: number | string;
	}>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(store);
	return Number(rows[0]?.n ?? 0);
}

/** The tables of `store` that hold any row. */
export async function nonEmptyTables(store: Store): Promise<string[]> {
	const full: string[] = [];
	for (const table of await tablesOf(store))
		if ((await countRows(store, table)) > 0) full.push(table);
	return full;
}

export async function copyStore(from: Store, to: Store): Promise<CopiedTable[]> {
	const tables = await tablesOf(from);
	const targetTables = new Set(await tablesOf(to));
	const absent = tables.filter((t) => !targetTables.has(t));
	if (absent.length > 0)
		throw new Error(`The target has no table ${absent.join(', ')}: is it on an older version?`);
	const order = parentsFirst(await parentsOf(from, tables));
	const copied: CopiedTable[] = [];
	await inTransaction(to, async (trx) => {
		for (const table of order) {
			const rows = (
				await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)}`.execute(from)
			).rows;
			for (let i = 0; i < rows.length; i += BATCH)
				await (trx as AnyStore)
					.insertInto(table as never)
					.values(rows.slice(i, i + BATCH) as never)
					.execute();
			copied.push({ table, rows: rows.length });
		}
	});
	return copied;
}

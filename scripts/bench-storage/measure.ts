// Rows, table bytes and index bytes per table, read from each engine's catalog: pg_relation_size /
// pg_indexes_size / pg_total_relation_size on PostgreSQL (table bytes include TOAST), dbstat on SQLite.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { executeSql, queryRows } from "@/db/engines/raw";
import { getSqliteHandle } from "@/db/engines/sqlite";

export interface TableSize {
  table: string;
  rows: number;
  tableBytes: number;
  indexBytes: number;
}

export async function measureTables(db: Db): Promise<TableSize[]> {
  const sizes = db.$engine === "postgres" ? await measurePostgres(db) : measureSqlite(db);
  for (const size of sizes) {
    const [row] = await queryRows<{ n: number | string }>(db, sql`SELECT count(*) AS n FROM ${sql.identifier(size.table)}`);
    size.rows = Number(row!.n);
  }
  return sizes.filter((size) => size.table !== "__drizzle_migrations").sort((a, b) => b.tableBytes + b.indexBytes - (a.tableBytes + a.indexBytes));
}

async function measurePostgres(db: Db): Promise<TableSize[]> {
  // Statistics and the visibility map as a running server's autovacuum would leave them; sizes are not shrunk.
  await executeSql(db, sql`VACUUM ANALYZE`);
  const rows = await queryRows<{ table: string; total: string; indexes: string }>(db, sql`
    SELECT c.relname AS "table", pg_total_relation_size(c.oid) AS total, pg_indexes_size(c.oid) AS indexes
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind = 'r' AND n.nspname = current_schema()`);
  return rows.map((r) => ({ table: r.table, rows: 0, tableBytes: Number(r.total) - Number(r.indexes), indexBytes: Number(r.indexes) }));
}

function measureSqlite(db: Db): TableSize[] {
  const client = getSqliteHandle(db);
  client.pragma("wal_checkpoint(TRUNCATE)");
  const objects = client.prepare("SELECT type, name, tbl_name AS tableName FROM sqlite_master WHERE type IN ('table', 'index')").all() as {
    type: string;
    name: string;
    tableName: string;
  }[];
  const pages = new Map(
    (client.prepare("SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name").all() as { name: string; bytes: number }[]).map((r) => [r.name, r.bytes]),
  );
  const byTable = new Map<string, TableSize>();
  for (const { type, name, tableName } of objects) {
    if (tableName.startsWith("sqlite_")) continue;
    const size = byTable.get(tableName) ?? { table: tableName, rows: 0, tableBytes: 0, indexBytes: 0 };
    // A WITHOUT ROWID-free schema: a table's own b-tree holds its rows; every other b-tree on it is an index.
    if (type === "table") size.tableBytes += pages.get(name) ?? 0;
    else size.indexBytes += pages.get(name) ?? 0;
    byTable.set(tableName, size);
  }
  return [...byTable.values()];
}

// Every table's row count, for tests that prove a delete left nothing behind (the erase test).
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/engines/raw";

export async function listTables(db: Db): Promise<string[]> {
  const rows =
    db.$engine === "postgres"
      ? await queryRows<{ name: string }>(db, sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT LIKE '%drizzle%'`)
      : await queryRows<{ name: string }>(db, sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%drizzle%'`);
  return rows.map((row) => row.name).sort();
}

export async function countEveryTable(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await listTables(db)) {
    const rows = await queryRows<{ n: number }>(db, sql`SELECT COUNT(*) AS n FROM ${sql.identifier(table)}`);
    counts[table] = Number(rows[0]!.n);
  }
  return counts;
}

/** For every table with this column: how many rows hold the value. */
export async function countRowsWithValue(db: Db, column: string, value: number | string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await listTables(db)) {
    const columns =
      db.$engine === "postgres"
        ? await queryRows<{ name: string }>(db, sql`SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${table}`)
        : await queryRows<{ name: string }>(db, sql`SELECT name FROM pragma_table_info(${table})`);
    if (!columns.some((c) => c.name === column)) continue;
    const rows = await queryRows<{ n: number }>(db, sql`SELECT COUNT(*) AS n FROM ${sql.identifier(table)} WHERE ${sql.identifier(column)} = ${value}`);
    counts[table] = Number(rows[0]!.n);
  }
  return counts;
}

// The PostgreSQL database being filled: must hold no Daymark rows; afterwards its identity sequences
// continue above the copied ids.
import { count, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/engines/raw";
import { CopyRefusedError } from "./errors";
import type { CopyTable } from "./tables";

export async function assertTargetIsEmpty(tx: Db, tables: CopyTable[], description: string): Promise<void> {
  const nonEmpty: string[] = [];
  for (const table of tables) {
    const [row] = await tx.select({ rows: count() }).from(table.pg);
    if (row!.rows > 0) nonEmpty.push(`${table.name} (${row!.rows})`);
  }
  if (nonEmpty.length > 0) {
    throw new CopyRefusedError(
      `The target database ${description} already holds Daymark data: ${nonEmpty.join(", ")}. ` +
        "db:copy only copies into an empty database: create a new one (CREATE DATABASE …) and pass its URL.",
    );
  }
}

/**
 * Sets every identity sequence past the highest id copied, or past SQLite's AUTOINCREMENT mark when that
 * is higher (ids of deleted rows are not handed out again, as on SQLite); an empty table starts at 1.
 */
export async function resetIdentitySequences(tx: Db, sqliteSequences: Map<string, number>): Promise<void> {
  const identities = await queryRows<{ table: string; column: string }>(tx, sql`
    SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
    WHERE table_schema = current_schema() AND is_identity = 'YES' ORDER BY table_name`);
  for (const { table, column } of identities) {
    const [row] = await queryRows<{ max: number | null }>(tx, sql`SELECT max(${sql.identifier(column)}) AS "max" FROM ${sql.identifier(table)}`);
    const high = Math.max(Number(row?.max ?? 0), sqliteSequences.get(table) ?? 0);
    await queryRows(tx, sql`SELECT setval(pg_get_serial_sequence(${`"${table}"`}, ${column}), ${Math.max(high, 1)}, ${high > 0})`);
  }
}

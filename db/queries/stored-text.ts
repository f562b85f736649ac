import fs from "node:fs";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/engines/raw";
import { getSqliteHandle } from "@/db/engines/sqlite";

/**
 * Everything the database holds as text, for tests proving a secret is only ever stored sealed.
 * SQLite: the database file's bytes after a WAL checkpoint, so free pages and old row versions count
 * too. PostgreSQL (no access to the server's files): every value of every text column of every table.
 */
export async function readStoredText(db: Db): Promise<string> {
  if (db.$engine === "sqlite") {
    const sqlite = getSqliteHandle(db);
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
    return fs.readFileSync(sqlite.name).toString("latin1");
  }
  const columns = await queryRows<{ table: string; column: string }>(
    db,
    sql`SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
        WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'json', 'jsonb')`,
  );
  const values: string[] = [];
  for (const { table, column } of columns) {
    const rows = await queryRows<{ value: string }>(
      db,
      sql`SELECT ${sql.identifier(column)}::text AS value FROM ${sql.identifier(table)} WHERE ${sql.identifier(column)} IS NOT NULL`,
    );
    for (const row of rows) values.push(row.value);
  }
  return values.join("\n");
}

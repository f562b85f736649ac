// Tests of what Daymark must never store: finds text anywhere in a database, not only where queries look.
import fs from "node:fs";
import { sql } from "drizzle-orm";
import { closeDatabase, type Db } from "@/db/client";
import { queryRows } from "@/db/engines/raw";

/**
 * Which of `needles` the database holds anywhere. SQLite: the database file and its WAL are read byte for
 * byte, so `db` is closed first (`file` is its path). PostgreSQL: every text and JSON column of every table.
 */
export async function findStoredText(db: Db, file: string, needles: readonly string[]): Promise<string[]> {
  if (db.$engine === "sqlite") {
    await closeDatabase(db);
    const bytes = Buffer.concat([file, `${file}-wal`].filter((part) => fs.existsSync(part)).map((part) => fs.readFileSync(part)));
    return needles.filter((needle) => bytes.includes(Buffer.from(needle, "utf8")));
  }
  const columns = await queryRows<{ table: string; column: string }>(
    db,
    sql`SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'json', 'jsonb')`,
  );
  const found: string[] = [];
  for (const needle of needles) {
    for (const { table, column } of columns) {
      const hits = await queryRows(db, sql`SELECT 1 FROM ${sql.identifier(table)} WHERE strpos(${sql.identifier(column)}::text, ${needle}) > 0 LIMIT 1`);
      if (hits.length > 0) found.push(`${needle} in ${table}.${column}`);
    }
  }
  return found;
}

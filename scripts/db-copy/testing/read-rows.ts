// Both sides of a copy read back through their own drizzle schema, in primary-key order, for field-by-field comparison.
import Database from "better-sqlite3";
import { asc, count, getTableColumns } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import type { Db } from "@/db/client";
import type { CopyTable } from "../tables";

export function readSqliteRows(file: string, table: CopyTable): Record<string, unknown>[] {
  const sqlite = new Database(file, { readonly: true });
  try {
    return drizzle(sqlite).select().from(table.sqlite).orderBy(asc(getTableColumns(table.sqlite)[table.primaryKey]!)).all();
  } finally {
    sqlite.close();
  }
}

export async function readPostgresRows(db: Db, table: CopyTable): Promise<Record<string, unknown>[]> {
  return db.select().from(table.pg).orderBy(asc(getTableColumns(table.pg)[table.primaryKey]!));
}

export async function countPostgresRows(db: Db, tables: CopyTable[]): Promise<number[]> {
  return Promise.all(tables.map(async (table) => (await db.select({ rows: count() }).from(table.pg))[0]!.rows));
}

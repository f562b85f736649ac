// Raw SQL through drizzle's `sql` template (rendered with each engine's placeholders), for the few
// statements the query builders cannot express. Quote camelCase aliases ("dialpadCallId"): PostgreSQL
// folds unquoted names to lower case. Booleans come back as 0/1 from SQLite: read them with Boolean().
import type { SQL } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type { Db } from "../client";
import { asNodePg } from "./postgres";

export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  if (db.$engine === "postgres") return (await asNodePg(db).execute(query)).rows as T[];
  return (db as unknown as BetterSQLite3Database).all<T>(query);
}

/** Runs a statement; returns how many rows it changed. */
export async function executeSql(db: Db, query: SQL): Promise<number> {
  if (db.$engine === "postgres") return (await asNodePg(db).execute(query)).rowCount ?? 0;
  return (db as unknown as BetterSQLite3Database).run(query).changes;
}

import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { getEnv } from "@/lib/env";
import { parseDatabaseUrl, type DatabaseEngine } from "./engine";
import type * as pgSchema from "./schema/pg";
import { closePostgres, openPostgres } from "./engines/postgres";
import { closeSqlite, openSqlite } from "./engines/sqlite";
import { closeJobQueue } from "./jobs/job-queue";

/**
 * A database handle (or a transaction handle from withTransaction) on either engine. Typed with the
 * PostgreSQL builders, which SQLite's share at run time when awaited (select, insert/update/delete
 * with returning, onConflictDo*); engine-only APIs (`.get()`, `.run()`, row locks, raw clients)
 * live in db/engines/ and db/queries/ only.
 */
export type Db = PgDatabase<PgQueryResultHKT, typeof pgSchema> & { readonly $engine: DatabaseEngine };

export function openDatabase(url: string): Db {
  const target = parseDatabaseUrl(url);
  return target.engine === "postgres" ? openPostgres(target.url) : openSqlite(target.file);
}

/** Closes the connection (SQLite: checkpoints the WAL) or drains the pool. */
export async function closeDatabase(db: Db): Promise<void> {
  if (db.$engine === "postgres") {
    // pg-boss runs on the handle's pool: its workers stop (running jobs get time to finish) first.
    await closeJobQueue(db);
    await closePostgres(db);
  }
  else closeSqlite(db);
}

// One connection (SQLite) or pool (PostgreSQL) per process; cached on globalThis because dev HMR re-imports modules.
const globalForDb = globalThis as unknown as { daymarkDb?: Db };

export function getDb(): Db {
  globalForDb.daymarkDb ??= openDatabase(getEnv().DATABASE_URL);
  return globalForDb.daymarkDb;
}

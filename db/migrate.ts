import path from "node:path";
import { migrate as migrateSqlite } from "drizzle-orm/better-sqlite3/migrator";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import type { Db } from "./client";
import type { DatabaseEngine } from "./engine";
import { getPostgresPool } from "./engines/postgres";
import { drizzle } from "drizzle-orm/node-postgres";

export function migrationsFolder(engine: DatabaseEngine): string {
  return path.resolve(process.cwd(), "db/migrations", engine === "postgres" ? "pg" : "sqlite");
}

// Any fixed number: two processes starting at once (web + worker) must not both apply a migration.
const migrationLockKey = 7_305_190_411;

/** The one migrate step: demo, start, tests and CI all call this. */
export async function migrateDatabase(db: Db): Promise<void> {
  if (db.$engine === "sqlite") {
    migrateSqlite(db as unknown as BetterSQLite3Database, { migrationsFolder: migrationsFolder("sqlite") });
    return;
  }
  const client = await getPostgresPool(db).connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [migrationLockKey]);
    await migratePostgres(drizzle(client), { migrationsFolder: migrationsFolder("postgres") });
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [migrationLockKey]).catch(() => undefined);
    client.release();
  }
}

import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import type { Db } from "../client";
import * as schema from "../schema/sqlite";

const sqliteHandles = new WeakMap<object, Database.Database>();

export function openSqlite(file: string): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  // Statements on calls fire the score-queue triggers, which need a statement journal per statement; in a file it tripled insert time.
  sqlite.pragma("temp_store = MEMORY");
  const db = Object.assign(drizzle(sqlite, { schema }), { $engine: "sqlite" as const });
  sqliteHandles.set(db, sqlite);
  return db as unknown as Db;
}

/** The better-sqlite3 connection behind a SQLite handle, for prepared statements in db/ only. */
export function getSqliteHandle(db: Db): Database.Database {
  const handle = sqliteHandles.get(db);
  if (!handle) throw new Error(`Expected a SQLite database handle, got ${db.$engine}.`);
  return handle;
}

export function closeSqlite(db: Db): void {
  const handle = getSqliteHandle(db);
  if (handle.open) handle.close();
}

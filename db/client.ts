import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { getEnv } from "@/lib/env";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export function resolveDatabasePath(url: string): string {
  const withoutScheme = url.startsWith("file:") ? url.slice("file:".length) : url;
  return withoutScheme === ":memory:" ? withoutScheme : path.resolve(withoutScheme);
}

export function openDatabase(url: string): Db {
  const file = resolveDatabasePath(url);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  // Statements on calls fire the score-queue triggers, which need a statement journal per statement; in a file it tripled insert time.
  sqlite.pragma("temp_store = MEMORY");
  return drizzle(sqlite, { schema }) as Db;
}

// One connection per process; cached on globalThis because dev HMR re-imports modules.
const globalForDb = globalThis as unknown as { daymarkDb?: Db };

export function getDb(): Db {
  globalForDb.daymarkDb ??= openDatabase(getEnv().DATABASE_URL);
  return globalForDb.daymarkDb;
}

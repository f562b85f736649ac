import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import type { Db } from "../client";
import * as schema from "../schema/sqlite";
import { stopWalCheckpointer } from "./sqlite-checkpointer";

// On the handle itself, not in a module-level map: Next bundles server actions and pages as separate
// module instances that share one handle (db/client.ts caches it on globalThis).
const sqliteHandle = Symbol.for("daymark.db.sqliteHandle");
type WithHandle = { [sqliteHandle]?: Database.Database };

export function openSqlite(file: string): Db {
  const isFile = file !== ":memory:" && file !== "";
  if (isFile) createOwnerOnly(file);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  if (isFile) restrictToOwner(file);
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  // Statements on calls fire the score-queue triggers, which need a statement journal per statement; in a file it tripled insert time.
  sqlite.pragma("temp_store = MEMORY");
  // 64 MB of page cache instead of SQLite's 2 MB: at 10 M legs the team day's 2,000 index probes and the
  // recompute's lookups otherwise re-read the same b-tree pages from the OS on every request (23 → 15 ms
  // for the team day's main read). Pages are cached as they are read, so a small database uses little.
  sqlite.pragma("cache_size = -65536");
  const db = Object.assign(drizzle(sqlite, { schema }), { $engine: "sqlite" as const });
  Object.defineProperty(db, sqliteHandle, { value: sqlite });
  return db as unknown as Db;
}

// The file holds sealed tokens and password hashes: owner-only, whatever the umask. SQLite gives the
// WAL, shared-memory and journal files the database file's mode, so creating it 0600 covers them.
function createOwnerOnly(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, "a", 0o600));
}

/** Tightens files an older version created world-readable; a file owned by someone else is left as it is. */
function restrictToOwner(file: string): void {
  for (const name of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    try {
      fs.chmodSync(name, 0o600);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOENT" && code !== "EPERM") throw error;
    }
  }
}

/** The better-sqlite3 connection behind a SQLite handle, for prepared statements in db/ only. */
export function getSqliteHandle(db: Db): Database.Database {
  const handle = (db as unknown as WithHandle)[sqliteHandle];
  if (!handle) throw new Error(`Expected a SQLite database handle, got ${db.$engine}.`);
  return handle;
}

export function closeSqlite(db: Db): void {
  const handle = getSqliteHandle(db);
  void stopWalCheckpointer(handle);
  if (handle.open) handle.close();
}

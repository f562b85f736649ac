// Row locks where the engines differ: PostgreSQL locks the selected rows until the transaction ends;
// SQLite needs nothing, because withTransaction's BEGIN IMMEDIATE already holds the only write lock.
import type { LockConfig, LockStrength } from "drizzle-orm/pg-core";
import type { Db } from "./client";

// drizzle's `.for()` returns the query without `where`/`for` in its type; the rows are the same, so callers keep the query's type.
type Lockable = { for: (strength: LockStrength, config?: LockConfig) => unknown };

/** select … FOR UPDATE on PostgreSQL (call inside withTransaction); the plain select on SQLite. */
export function forUpdate<T extends Lockable>(db: Db, query: T): T {
  return db.$engine === "postgres" ? (query.for("update") as T) : query;
}

/** select … FOR UPDATE SKIP LOCKED on PostgreSQL: rows another transaction holds are left to it. */
export function forUpdateSkipLocked<T extends Lockable>(db: Db, query: T): T {
  return db.$engine === "postgres" ? (query.for("update", { skipLocked: true }) as T) : query;
}

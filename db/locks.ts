// Row locks where the engines differ: PostgreSQL locks the selected rows until the transaction ends;
// SQLite needs nothing, because withTransaction's BEGIN IMMEDIATE already holds the only write lock.
import type { Db } from "./client";

type Lockable<T> = { for: (strength: "update", config?: { skipLocked?: boolean }) => T };

/** select … FOR UPDATE on PostgreSQL (call inside withTransaction); the plain select on SQLite. */
export function forUpdate<T extends Lockable<T>>(db: Db, query: T): T {
  return db.$engine === "postgres" ? query.for("update") : query;
}

/** select … FOR UPDATE SKIP LOCKED on PostgreSQL: rows another transaction holds are left to it. */
export function forUpdateSkipLocked<T extends Lockable<T>>(db: Db, query: T): T {
  return db.$engine === "postgres" ? query.for("update", { skipLocked: true }) : query;
}

// A lock on a key rather than a row, for checks such as "no organization exists yet" that have no row
// to lock. PostgreSQL: a transaction-scoped advisory lock, released at COMMIT or ROLLBACK. SQLite:
// nothing to do, withTransaction's BEGIN IMMEDIATE already holds the only write lock.
import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { isInTransaction } from "../transaction";
import { queryRows } from "./raw";

/** Keys in use; any fixed numbers, distinct from db/migrate.ts's migration lock. */
export const transactionLockKeys = { firstOrganization: 7_305_190_412 } as const;

/** Call inside withTransaction: waits until no other transaction holds `key`, then holds it until this one ends. */
export async function lockForTransaction(tx: Db, key: number): Promise<void> {
  if (!isInTransaction(tx)) throw new Error("lockForTransaction needs a transaction handle from withTransaction.");
  if (tx.$engine === "postgres") await queryRows(tx, sql`select pg_advisory_xact_lock(${key}::bigint)`);
}

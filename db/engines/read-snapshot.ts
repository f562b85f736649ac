// Several reads that must agree with each other (one point in time), without blocking writers on PostgreSQL.
import type { Db } from "../client";
import { isInTransaction, withTransaction } from "../transaction";
import { asNodePg } from "./postgres";

/**
 * PostgreSQL: a read-only REPEATABLE READ transaction, so every statement sees the same snapshot.
 * SQLite: withTransaction, because its one connection is shared by every request in the process
 * and a plain BEGIN would let their statements join this transaction. Inside a transaction already,
 * the reads simply join it.
 */
export async function withReadSnapshot<T>(db: Db, read: (tx: Db) => Promise<T>): Promise<T> {
  if (db.$engine !== "postgres" || isInTransaction(db)) return withTransaction(db, read);
  return asNodePg(db).transaction(
    async (pgTx) => read(Object.assign(pgTx, { $engine: "postgres" as const }) as unknown as Db),
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

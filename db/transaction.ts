import { AsyncLocalStorage } from "node:async_hooks";
import type { Db } from "./client";
import { asNodePg } from "./engines/postgres";
import { getSqliteHandle } from "./engines/sqlite";

interface TransactionState {
  /** The SQLite connection whose transaction the current async context is inside. */
  openSqliteTransaction: AsyncLocalStorage<Db>;
  /**
   * Keyed by the database file, not the handle: two handles on one file in one process (a second
   * connection in a test) must queue, not wait on each other's lock (better-sqlite3 waits
   * synchronously, so the holder could never commit).
   */
  sqliteQueues: Map<string, Promise<unknown>>;
  postgresTransactions: WeakSet<object>;
}

// Process-wide, not per module instance: Next bundles server actions and pages separately, and both
// must queue behind the same transactions on the one shared connection.
const stateKey = Symbol.for("daymark.db.transactionState");
const globalState = globalThis as unknown as { [stateKey]?: TransactionState };
const { openSqliteTransaction, sqliteQueues, postgresTransactions } = (globalState[stateKey] ??= {
  openSqliteTransaction: new AsyncLocalStorage<Db>(),
  sqliteQueues: new Map(),
  postgresTransactions: new WeakSet(),
});

/**
 * Runs `work` in one transaction and passes it the handle to write through; everything it wrote
 * is rolled back if it throws, also after an `await`. Nested calls join the outer transaction.
 *
 * PostgreSQL: the driver's transaction on one pooled connection. SQLite (one connection per
 * process): BEGIN IMMEDIATE … COMMIT, serialised in-process, because drizzle's better-sqlite3
 * transaction cannot await its callback. Await only database work inside: on SQLite a statement
 * another request runs meanwhile on the shared connection would join this transaction.
 */
export async function withTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  if (db.$engine === "postgres") {
    if (postgresTransactions.has(db)) return work(db);
    return asNodePg(db).transaction(async (pgTx) => {
      const tx = Object.assign(pgTx, { $engine: "postgres" as const }) as unknown as Db;
      postgresTransactions.add(tx);
      return work(tx);
    });
  }
  if (openSqliteTransaction.getStore() === db) return work(db);
  const file = getSqliteHandle(db).name;
  const previous = sqliteQueues.get(file) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((resolve) => (release = resolve));
  const queued = previous.then(() => mine);
  sqliteQueues.set(file, queued);
  await previous;
  try {
    return await runSqliteTransaction(db, work);
  } finally {
    release();
    if (sqliteQueues.get(file) === queued) sqliteQueues.delete(file);
  }
}

async function runSqliteTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  const sqlite = getSqliteHandle(db);
  sqlite.exec("BEGIN IMMEDIATE");
  try {
    const result = await openSqliteTransaction.run(db, () => work(db));
    sqlite.exec("COMMIT");
    return result;
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
    throw error;
  }
}

/** True inside withTransaction's callback for this handle. */
export function isInTransaction(db: Db): boolean {
  return db.$engine === "postgres" ? postgresTransactions.has(db) : openSqliteTransaction.getStore() === db;
}

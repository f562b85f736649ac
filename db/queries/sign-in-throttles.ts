import { and, eq, inArray, isNull, lt, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { forUpdate, forUpdateSkipLocked } from "@/db/locks";
import { firstRow } from "@/db/rows";
import { signInThrottles, type SignInThrottle } from "@/db/schema";
import { withTransaction } from "@/db/transaction";

export async function getSignInThrottle(db: Db, key: string): Promise<SignInThrottle | undefined> {
  return firstRow(db.select().from(signInThrottles).where(eq(signInThrottles.key, key)));
}

/**
 * Reads the rows for `keys` under row locks (created first when missing, so there is always a row to
 * lock; a new row reads as undefined), lets `decide` return the rows to write, and writes them in the
 * same transaction: concurrent sign-ins from any number of processes see each other's counts.
 * Rows not updated since `staleBefore` are pruned on the way, rows that remember a success only once
 * not updated since `knownBefore`.
 */
export async function updateSignInThrottles<T>(
  db: Db,
  params: {
    keys: string[];
    now: number;
    staleBefore: number;
    knownBefore: number;
    decide: (current: Map<string, SignInThrottle | undefined>) => { result: T; rows: SignInThrottle[] };
  },
): Promise<T> {
  const keys = [...new Set(params.keys)].sort();
  return withTransaction(db, async (tx) => {
    const created = await tx
      .insert(signInThrottles)
      .values(keys.map((key) => ({ key, failureCount: 0, updatedAt: params.now })))
      .onConflictDoNothing()
      .returning({ key: signInThrottles.key });
    const isNew = new Set(created.map((row) => row.key));
    // Sorted keys, so two transactions lock the same rows in the same order and never deadlock.
    const locked = await forUpdate(tx, tx.select().from(signInThrottles).where(inArray(signInThrottles.key, keys)).orderBy(signInThrottles.key));
    const current = new Map<string, SignInThrottle | undefined>(keys.map((key) => [key, undefined]));
    for (const row of locked) if (!isNew.has(row.key)) current.set(row.key, row);
    const { result, rows } = params.decide(current);
    for (const row of rows) {
      // An upsert: a concurrent prune may have removed a stale row since the insert above.
      await tx.insert(signInThrottles).values(row).onConflictDoUpdate({ target: signInThrottles.key, set: row });
    }
    // Rows another transaction holds are skipped (PostgreSQL), so two prunes never wait on each other's rows.
    const stale = forUpdateSkipLocked(
      tx,
      tx.select({ key: signInThrottles.key }).from(signInThrottles).where(
          or(
            and(isNull(signInThrottles.lastSuccessAt), lt(signInThrottles.updatedAt, params.staleBefore)),
            lt(signInThrottles.updatedAt, params.knownBefore),
          ),
        ),
    );
    await tx.delete(signInThrottles).where(inArray(signInThrottles.key, stale));
    return result;
  });
}

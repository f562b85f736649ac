import { and, eq, inArray, isNull, lt, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { forUpdate, forUpdateSkipLocked } from "@/db/locks";
import { firstRow } from "@/db/rows";
import { signInAttempts, type SignInAttempt } from "@/db/schema";
import { withTransaction } from "@/db/transaction";

export async function getSignInAttempt(db: Db, email: string): Promise<SignInAttempt | undefined> {
  return firstRow(db.select().from(signInAttempts).where(eq(signInAttempts.email, email)));
}

/**
 * Reads and rewrites one email's row under a row lock, so concurrent failures from several
 * processes all count: the row is created first when missing (a new row reads as undefined), so
 * there is always a row to lock. Rows whose window and lock are both over are pruned on the way.
 */
export async function updateSignInAttempt(
  db: Db,
  params: { email: string; now: number; staleBefore: number; next: (current: SignInAttempt | undefined) => SignInAttempt },
): Promise<SignInAttempt> {
  const { email, now, staleBefore } = params;
  return withTransaction(db, async (tx) => {
    const created = await tx
      .insert(signInAttempts)
      .values({ email, failureCount: 0, windowStartedAt: now, lockedUntil: null })
      .onConflictDoNothing()
      .returning({ email: signInAttempts.email });
    const current =
      created.length > 0 ? undefined : await firstRow(forUpdate(tx, tx.select().from(signInAttempts).where(eq(signInAttempts.email, email))));
    const next = params.next(current);
    // An upsert, not an update: a concurrent prune may have removed a stale row since the insert above.
    await tx.insert(signInAttempts).values(next).onConflictDoUpdate({ target: signInAttempts.email, set: next });
    // Rows another transaction holds are skipped (PostgreSQL), so two prunes never wait on each other's rows.
    const stale = forUpdateSkipLocked(
      tx,
      tx
        .select({ email: signInAttempts.email })
        .from(signInAttempts)
        .where(
          and(
            lt(signInAttempts.windowStartedAt, staleBefore),
            or(isNull(signInAttempts.lockedUntil), lt(signInAttempts.lockedUntil, now)),
          ),
        ),
    );
    await tx.delete(signInAttempts).where(inArray(signInAttempts.email, stale));
    return next;
  });
}

export async function deleteSignInAttempt(db: Db, email: string): Promise<void> {
  await db.delete(signInAttempts).where(eq(signInAttempts.email, email));
}

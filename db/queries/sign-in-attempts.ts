import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { signInAttempts, type SignInAttempt } from "@/db/schema";

export async function getSignInAttempt(db: Db, email: string): Promise<SignInAttempt | undefined> {
  return db.select().from(signInAttempts).where(eq(signInAttempts.email, email)).get();
}

/**
 * Reads and rewrites one email's row in an immediate transaction, so concurrent failures from
 * several processes all count. Rows whose window and lock are both over are pruned on the way.
 */
export async function updateSignInAttempt(
  db: Db,
  params: { email: string; now: number; staleBefore: number; next: (current: SignInAttempt | undefined) => SignInAttempt },
): Promise<SignInAttempt> {
  return db.transaction(
    (tx) => {
      const current = tx.select().from(signInAttempts).where(eq(signInAttempts.email, params.email)).get();
      const next = params.next(current);
      tx.insert(signInAttempts)
        .values(next)
        .onConflictDoUpdate({ target: signInAttempts.email, set: next })
        .run();
      tx.delete(signInAttempts)
        .where(
          and(
            lt(signInAttempts.windowStartedAt, params.staleBefore),
            or(isNull(signInAttempts.lockedUntil), lt(signInAttempts.lockedUntil, params.now)),
          ),
        )
        .run();
      return next;
    },
    { behavior: "immediate" },
  );
}

export async function deleteSignInAttempt(db: Db, email: string): Promise<void> {
  db.delete(signInAttempts).where(eq(signInAttempts.email, email)).run();
}

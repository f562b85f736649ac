import { and, eq, gt, isNull, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { firstRow } from "@/db/rows";
import { passwordResetTokens, type PasswordResetToken } from "@/db/schema";

export async function insertPasswordResetToken(db: Db, values: PasswordResetToken): Promise<void> {
  await db.insert(passwordResetTokens).values(values);
}

export async function getPasswordResetToken(db: Db, tokenHash: string): Promise<PasswordResetToken | undefined> {
  return firstRow(db.select().from(passwordResetTokens).where(eq(passwordResetTokens.tokenHash, tokenHash)));
}

/**
 * Marks an unused, unexpired token used in one statement and returns it; undefined when it is unknown,
 * used or expired. Two requests with one link cannot both get it.
 */
export async function consumePasswordResetToken(db: Db, params: { tokenHash: string; now: number }): Promise<PasswordResetToken | undefined> {
  return firstRow(
    db
      .update(passwordResetTokens)
      .set({ usedAt: params.now })
      .where(
        and(
          eq(passwordResetTokens.tokenHash, params.tokenHash),
          isNull(passwordResetTokens.usedAt),
          gt(passwordResetTokens.expiresAt, params.now),
        ),
      )
      .returning(),
  );
}

/** Voids a user's unused links (a newer link was issued, or the password changed); prunes long-expired rows of anyone. */
export async function voidPasswordResetTokens(db: Db, params: { organizationId: number; userId: number; now: number; pruneBefore: number }): Promise<void> {
  await db
    .update(passwordResetTokens)
    .set({ usedAt: params.now })
    .where(
      and(
        eq(passwordResetTokens.organizationId, params.organizationId),
        eq(passwordResetTokens.userId, params.userId),
        isNull(passwordResetTokens.usedAt),
      ),
    );
  await db.delete(passwordResetTokens).where(lt(passwordResetTokens.expiresAt, params.pruneBefore));
}

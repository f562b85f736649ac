import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { consumePasswordResetToken, getPasswordResetToken, insertPasswordResetToken, voidPasswordResetTokens } from "@/db/queries/password-reset-tokens";
import { getUserById } from "@/db/queries/users";
import { withTransaction } from "@/db/transaction";
import { AppError } from "@/lib/errors";
import { assertRole, type Viewer } from "@/lib/services/access/viewer";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { hashPassword } from "./passwords";
import { setPasswordAndEndSessions } from "./change-password";

export const passwordResetTtlMs = 60 * 60 * 1000;
const day = 24 * 60 * 60 * 1000;
const invalidLinkMessage = "This reset link is invalid, used or expired. Ask an admin for a new one.";

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * An admin issues a one-time link for another user: the token is returned once (for the admin to copy)
 * and stored only as its hash; it expires in an hour, and issuing a new one voids the earlier ones.
 */
export async function issuePasswordReset(
  db: Db,
  viewer: Viewer,
  params: { userId: number },
  now = Date.now(),
): Promise<{ token: string; expiresAt: number }> {
  assertRole(viewer, ["admin"]);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = now + passwordResetTtlMs;
  await withTransaction(db, async (tx) => {
    const user = await getUserById(tx, { organizationId: viewer.organizationId, userId: params.userId });
    if (!user) throw new AppError("NOT_FOUND", "User not found.");
    await voidPasswordResetTokens(tx, { organizationId: user.organizationId, userId: user.id, now, pruneBefore: now - day });
    await insertPasswordResetToken(tx, {
      tokenHash: hashToken(token),
      userId: user.id,
      organizationId: user.organizationId,
      createdByUserId: viewer.userId,
      createdAt: now,
      expiresAt,
      usedAt: null,
    });
    await recordAuditEvent(tx, {
      organizationId: viewer.organizationId,
      actor: viewer,
      action: "user.password_reset",
      target: { type: "user", id: user.id },
      summary: `Issued a password reset link for ${user.name}`,
      details: { expiresAt },
      at: now,
    });
  });
  return { token, expiresAt };
}

/** Whether a reset link can still be used, for the page to show the form or say why not. */
export async function isPasswordResetUsable(db: Db, token: string, now = Date.now()): Promise<boolean> {
  const row = await getPasswordResetToken(db, hashToken(token));
  return row !== undefined && row.usedAt === null && row.expiresAt > now;
}

/** Sets the new password through a link: used once, then every session of the user ends. */
export async function completePasswordReset(db: Db, params: { token: string; newPassword: string }, now = Date.now()): Promise<void> {
  const passwordHash = await hashPassword(params.newPassword);
  await withTransaction(db, async (tx) => {
    const row = await consumePasswordResetToken(tx, { tokenHash: hashToken(params.token), now });
    if (!row) throw new AppError("VALIDATION", invalidLinkMessage);
    const user = await getUserById(tx, { organizationId: row.organizationId, userId: row.userId });
    if (!user || !user.isActive) throw new AppError("VALIDATION", invalidLinkMessage);
    await setPasswordAndEndSessions(tx, user, passwordHash, {
      actor: { userId: user.id, name: user.name },
      summary: `${user.name} set a new password with a reset link`,
      now,
    });
  });
}

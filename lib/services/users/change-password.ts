import type { Db } from "@/db/client";
import { voidPasswordResetTokens } from "@/db/queries/password-reset-tokens";
import { revokeUserSessionsOfUser } from "@/db/queries/user-sessions";
import { getUserById, updateUserPassword } from "@/db/queries/users";
import type { User } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import { AppError } from "@/lib/errors";
import type { AuditActor } from "@/lib/services/audit/record-audit-event";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import type { Viewer } from "@/lib/services/access/viewer";
import { hashPassword, verifyPassword } from "./passwords";

/**
 * The signed-in user's own password, the current one required. Every session of the user ends,
 * this one included, so they sign in again with the new password.
 */
export async function changeOwnPassword(
  db: Db,
  viewer: Viewer,
  params: { currentPassword: string; newPassword: string },
  now = Date.now(),
): Promise<void> {
  const user = await getUserById(db, { organizationId: viewer.organizationId, userId: viewer.userId });
  if (!user) throw new AppError("NOT_FOUND", "User not found.");
  if (!(await verifyPassword(user.passwordHash, params.currentPassword))) {
    throw new AppError("VALIDATION", "The current password is incorrect.", { currentPassword: ["The current password is incorrect."] });
  }
  await setPasswordAndEndSessions(db, user, await hashPassword(params.newPassword), {
    actor: viewer,
    summary: `${user.name} changed their password`,
    now,
  });
}

/**
 * Writes the new hash, bumps the session version, revokes every session and voids unused reset links,
 * with the audit event, in one transaction. The hash is computed before: only database work inside.
 */
export async function setPasswordAndEndSessions(
  db: Db,
  user: User,
  passwordHash: string,
  audit: { actor: AuditActor; summary: string; now: number; details?: unknown },
): Promise<void> {
  const { now } = audit;
  await withTransaction(db, async (tx) => {
    const updated = await updateUserPassword(tx, { organizationId: user.organizationId, userId: user.id, passwordHash });
    if (!updated) throw new AppError("NOT_FOUND", "User not found.");
    const sessionsEnded = await revokeUserSessionsOfUser(tx, { organizationId: user.organizationId, userId: user.id, now });
    await voidPasswordResetTokens(tx, { organizationId: user.organizationId, userId: user.id, now, pruneBefore: now - 24 * 60 * 60 * 1000 });
    await recordAuditEvent(tx, {
      organizationId: user.organizationId,
      actor: audit.actor,
      action: "user.password_reset",
      target: { type: "user", id: user.id },
      summary: audit.summary,
      details: { sessionsEnded, ...(audit.details ?? {}) },
      at: now,
    });
  });
}

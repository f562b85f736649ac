import type { Db } from "@/db/client";
import { revokeUserSessionsOfUser } from "@/db/queries/user-sessions";
import { getUserById } from "@/db/queries/users";
import { withTransaction } from "@/db/transaction";
import { AppError } from "@/lib/errors";
import { assertRole, type Viewer } from "@/lib/services/access/viewer";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";

/**
 * Ends every session of a user, on every device: a user for themselves, or an admin for anyone in the
 * organization. Returns how many sessions were live.
 */
export async function signOutEverywhere(db: Db, viewer: Viewer, params: { userId: number }, now = Date.now()): Promise<number> {
  const isSelf = params.userId === viewer.userId;
  if (!isSelf) assertRole(viewer, ["admin"]);
  return withTransaction(db, async (tx) => {
    const user = await getUserById(tx, { organizationId: viewer.organizationId, userId: params.userId });
    if (!user) throw new AppError("NOT_FOUND", "User not found.");
    const ended = await revokeUserSessionsOfUser(tx, { organizationId: viewer.organizationId, userId: user.id, now });
    await recordAuditEvent(tx, {
      organizationId: viewer.organizationId,
      actor: viewer,
      action: "user.sessions_revoked",
      target: { type: "user", id: user.id },
      summary: isSelf ? `${user.name} signed out everywhere` : `Signed ${user.name} out everywhere`,
      details: { sessionsEnded: ended },
      at: now,
    });
    return ended;
  });
}

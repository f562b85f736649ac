import type { Db } from "@/db/client";
import { getUserById, updateUserAccess } from "@/db/queries/users";
import type { User, UserRole } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import { AppError } from "@/lib/errors";
import { assertRole, type Viewer } from "@/lib/services/access/viewer";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";

// An admin cannot demote or deactivate themselves, so an organization always keeps one admin.
async function loadOtherUser(db: Db, viewer: Viewer, userId: number, verb: string): Promise<User> {
  assertRole(viewer, ["admin"]);
  if (userId === viewer.userId) throw new AppError("VALIDATION", `You can't ${verb} your own account.`);
  const user = await getUserById(db, { organizationId: viewer.organizationId, userId });
  if (!user) throw new AppError("NOT_FOUND", "User not found.");
  return user;
}

/** Signs the user out everywhere (sessionVersion bump), so the new role applies at once. */
export async function changeUserRole(db: Db, viewer: Viewer, params: { userId: number; role: UserRole }): Promise<User> {
  const user = await loadOtherUser(db, viewer, params.userId, "change the role of");
  if (user.role === params.role) return user;
  return updateAccessAudited(db, viewer, user, { role: params.role }, `Changed ${user.name}'s role from ${user.role} to ${params.role}`);
}

/** Deactivating ends the user's sessions at their next request; reactivating lets them sign in again. */
export async function setUserActive(db: Db, viewer: Viewer, params: { userId: number; isActive: boolean }): Promise<User> {
  const user = await loadOtherUser(db, viewer, params.userId, params.isActive ? "reactivate" : "deactivate");
  if (user.isActive === params.isActive) return user;
  return updateAccessAudited(db, viewer, user, { isActive: params.isActive }, `${params.isActive ? "Reactivated" : "Deactivated"} ${user.name}`);
}

// The change and its audit event commit together.
async function updateAccessAudited(
  db: Db,
  viewer: Viewer,
  user: User,
  changes: { role?: UserRole; isActive?: boolean },
  summary: string,
): Promise<User> {
  return withTransaction(db, async (tx) => {
    const updated = await updateUserAccess(tx, { organizationId: viewer.organizationId, userId: user.id, ...changes });
    if (!updated) throw new AppError("NOT_FOUND", "User not found.");
    const details =
      changes.role !== undefined ? { role: { from: user.role, to: updated.role } } : { isActive: { from: user.isActive, to: updated.isActive } };
    await recordAuditEvent(tx, {
      organizationId: viewer.organizationId,
      actor: viewer,
      action: "user.access_changed",
      target: { type: "user", id: user.id },
      summary,
      details,
    });
    return updated;
  });
}

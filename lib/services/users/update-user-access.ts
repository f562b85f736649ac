import type { Db } from "@/db/client";
import { getUserById, updateUserAccess } from "@/db/queries/users";
import type { User, UserRole } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { assertRole, type Viewer } from "@/lib/services/access/viewer";

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
  const updated = await updateUserAccess(db, { organizationId: viewer.organizationId, userId: user.id, role: params.role });
  if (!updated) throw new AppError("NOT_FOUND", "User not found.");
  return updated;
}

/** Deactivating ends the user's sessions at their next request; reactivating lets them sign in again. */
export async function setUserActive(db: Db, viewer: Viewer, params: { userId: number; isActive: boolean }): Promise<User> {
  const user = await loadOtherUser(db, viewer, params.userId, params.isActive ? "reactivate" : "deactivate");
  if (user.isActive === params.isActive) return user;
  const updated = await updateUserAccess(db, {
    organizationId: viewer.organizationId,
    userId: user.id,
    isActive: params.isActive,
  });
  if (!updated) throw new AppError("NOT_FOUND", "User not found.");
  return updated;
}

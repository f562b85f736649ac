import type { Db } from "@/db/client";
import { listUsers } from "@/db/queries/users";
import type { UserRole } from "@/db/schema";
import { assertRole, type Viewer } from "@/lib/services/access/viewer";

/** A user as the settings page shows it; never the password hash. */
export type UserSummary = { id: number; name: string; email: string; role: UserRole; isActive: boolean; createdAt: number };

export async function listOrganizationUsers(db: Db, viewer: Viewer): Promise<UserSummary[]> {
  assertRole(viewer, ["admin"]);
  const users = await listUsers(db, viewer.organizationId);
  return users.map(({ id, name, email, role, isActive, createdAt }) => ({ id, name, email, role, isActive, createdAt }));
}

import type { Db } from "@/db/client";
import { getEmployeeByEmail } from "@/db/queries/employees";
import { getUserById } from "@/db/queries/users";
import type { UserRole } from "@/db/schema";
import type { Viewer } from "@/lib/services/access/viewer";

/** What the session JWT carries; trusted only after loadViewer re-checks it against the database. */
export type SessionClaims = { userId: number; organizationId: number; role: UserRole; sessionVersion: number };

/**
 * The viewer for these claims, or null when the user is gone, deactivated, or changed since the
 * token was issued (role change and deactivation bump sessionVersion).
 */
export async function loadViewer(db: Db, claims: SessionClaims): Promise<Viewer | null> {
  const user = await getUserById(db, { organizationId: claims.organizationId, userId: claims.userId });
  if (!user || !user.isActive || user.sessionVersion !== claims.sessionVersion || user.role !== claims.role) {
    return null;
  }
  const employee = await getEmployeeByEmail(db, { organizationId: user.organizationId, email: user.email });
  return {
    userId: user.id,
    organizationId: user.organizationId,
    role: user.role,
    email: user.email,
    name: user.name,
    employeeId: employee?.id ?? null,
  };
}

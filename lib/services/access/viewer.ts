import type { UserRole } from "@/db/schema";
import { AppError } from "@/lib/errors";

/** The signed-in caller every service takes; built by lib/session.ts from a fresh DB read. */
export type Viewer = {
  userId: number;
  organizationId: number;
  role: UserRole;
  email: string;
  name: string;
  /** The employee in the same organization with the same email, if any. */
  employeeId: number | null;
};

export function hasRole(viewer: Viewer, roles: readonly UserRole[]): boolean {
  return roles.includes(viewer.role);
}

export function assertRole(viewer: Viewer, roles: readonly UserRole[]): void {
  if (!hasRole(viewer, roles)) throw new AppError("FORBIDDEN", "You don't have permission to do that.");
}

export function isAdmin(viewer: Viewer): boolean {
  return viewer.role === "admin";
}

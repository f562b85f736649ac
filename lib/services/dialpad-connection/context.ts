import { AppError } from "@/lib/errors";

/** What the connection services need to know about the signed-in caller. */
export interface AdminContext {
  organizationId: number;
  userId: number;
  name: string;
  role: "admin" | "manager" | "employee";
}

/** Only admins manage integrations; anyone else gets a 404, never a hint that the page exists. */
export function assertAdmin(caller: AdminContext): void {
  if (caller.role !== "admin") throw new AppError("NOT_FOUND", "Page not found.");
}

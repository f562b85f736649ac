import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { isAppError } from "@/lib/errors";
import type { Viewer } from "@/lib/services/access/viewer";
import { employeeIdSchema } from "@/lib/services/employees/employee-schemas";
import { getEmployeeProfile, type EmployeeProfile } from "@/lib/services/employees/get-employee-profile";

/** A malformed, unknown, foreign or out-of-scope id all render the same 404. */
export async function loadProfileOrNotFound(viewer: Viewer, rawId: string): Promise<EmployeeProfile> {
  const id = employeeIdSchema.safeParse(rawId);
  if (!id.success) notFound();
  try {
    return await getEmployeeProfile(getDb(), viewer, id.data);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

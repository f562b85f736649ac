import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { isAppError } from "@/lib/errors";
import type { Viewer } from "@/lib/services/access/viewer";
import { employeeIdSchema } from "@/lib/services/employees/employee-schemas";
import { getEmployeeProfile, type EmployeeProfile } from "@/lib/services/employees/get-employee-profile";

/** A malformed, unknown, foreign or out-of-scope id all render the same 404. Read once per request (metadata and page both ask). */
export const loadProfileOrNotFound = cache(async (viewer: Viewer, rawId: string): Promise<EmployeeProfile> => {
  const id = employeeIdSchema.safeParse(rawId);
  if (!id.success) notFound();
  try {
    return await getEmployeeProfile(getDb(), viewer, id.data);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

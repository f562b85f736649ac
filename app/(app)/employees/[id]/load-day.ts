import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { isAppError } from "@/lib/errors";
import type { Viewer } from "@/lib/services/access/viewer";
import { getEmployeeDay, type EmployeeDay } from "@/lib/services/views/get-employee-day";

/** The employee's day for ?date=…; anything outside the viewer's scope is the 404 page. */
export async function loadDayOrNotFound(viewer: Viewer, employeeId: number, date: unknown): Promise<EmployeeDay> {
  try {
    return await getEmployeeDay(getDb(), viewer, { employeeId, date });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

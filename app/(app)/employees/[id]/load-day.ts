import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { isAppError } from "@/lib/errors";
import type { Viewer } from "@/lib/services/access/viewer";
import { formatDayKey } from "@/lib/dates";
import { getEmployeeDay, type EmployeeDay } from "@/lib/services/views/get-employee-day";
import { recordViewOnce } from "@/lib/services/views/record-view-once";

/** The employee's day for ?date=… (written to their "who opened my data" log); outside the viewer's scope: the 404 page. */
export async function loadDayOrNotFound(viewer: Viewer, employeeId: number, date: unknown): Promise<EmployeeDay> {
  try {
    const day = await getEmployeeDay(getDb(), viewer, { employeeId, date });
    await recordViewOnce(getDb(), viewer, { employeeId, kind: "day", detail: formatDayKey(day.dayKey) });
    return day;
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

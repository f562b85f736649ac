import { redirect } from "next/navigation";
import { getHomePath } from "@/lib/services/access/main-nav-links";
import type { Viewer } from "@/lib/services/access/viewer";

/** Team and Employees are for managers and admins: an employee who asks for them lands on their own day. */
export function redirectEmployeeHome(viewer: Viewer): void {
  if (viewer.role === "employee" && viewer.employeeId !== null) redirect(getHomePath(viewer));
}

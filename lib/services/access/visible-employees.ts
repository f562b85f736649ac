import type { Db } from "@/db/client";
import { getEmployeeById, listEmployeeAndReports, listEmployees } from "@/db/queries/employees";
import type { Employee } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Viewer } from "./viewer";

/**
 * Who may see whom: an admin sees everyone in the organization, a manager sees their direct
 * reports (but not hidden ones) and themselves, an employee sees themselves. Inactive employees are left out unless asked.
 */
export async function listVisibleEmployees(
  db: Db,
  viewer: Viewer,
  options: { includeInactive?: boolean } = {},
): Promise<Employee[]> {
  const all = (await listInScope(db, viewer)).filter((e) => canSeeEmployee(viewer, e));
  return options.includeInactive ? all : all.filter((e) => e.isActive);
}

async function listInScope(db: Db, viewer: Viewer): Promise<Employee[]> {
  if (viewer.role === "admin") return listEmployees(db, viewer.organizationId);
  if (viewer.employeeId === null) return [];
  const key = { organizationId: viewer.organizationId, employeeId: viewer.employeeId };
  if (viewer.role === "manager") return listEmployeeAndReports(db, key);
  const self = await getEmployeeById(db, key);
  return self ? [self] : [];
}

/** Hidden people (employees.hidden_at) are seen only by admins and by themselves. */
export function canSeeEmployee(viewer: Viewer, employee: Employee): boolean {
  if (employee.organizationId !== viewer.organizationId) return false;
  if (viewer.role === "admin") return true;
  if (viewer.employeeId === null) return false;
  if (employee.id === viewer.employeeId) return true;
  if (employee.hiddenAt !== null) return false;
  return viewer.role === "manager" && employee.managerId === viewer.employeeId;
}

/** Active or not; anything outside the viewer's scope or organization is NOT_FOUND (404, never 403). */
export async function getVisibleEmployee(db: Db, viewer: Viewer, employeeId: number): Promise<Employee> {
  const employee = Number.isSafeInteger(employeeId)
    ? await getEmployeeById(db, { organizationId: viewer.organizationId, employeeId })
    : undefined;
  if (!employee || !canSeeEmployee(viewer, employee)) throw new AppError("NOT_FOUND", "Employee not found.");
  return employee;
}

import type { Db } from "@/db/client";
import { getEmployeeById } from "@/db/queries/employees";
import type { Employee } from "@/db/schema";
import { canSeeEmployee, getVisibleEmployee, listVisibleEmployees } from "@/lib/services/access/visible-employees";
import type { Viewer } from "@/lib/services/access/viewer";

export type EmployeeProfile = {
  employee: Employee;
  /** The manager's name is shown to anyone who may see the employee; `isVisible` says if it can be a link. */
  manager: { id: number; name: string; isVisible: boolean } | null;
  /** Direct reports the viewer may see, inactive ones included. */
  reports: Employee[];
};

/** NOT_FOUND (via getVisibleEmployee) for anything outside the viewer's scope. */
export async function getEmployeeProfile(db: Db, viewer: Viewer, employeeId: number): Promise<EmployeeProfile> {
  const employee = await getVisibleEmployee(db, viewer, employeeId);
  const managerRecord =
    employee.managerId === null
      ? undefined
      : await getEmployeeById(db, { organizationId: viewer.organizationId, employeeId: employee.managerId });
  const visible = await listVisibleEmployees(db, viewer, { includeInactive: true });
  return {
    employee,
    manager: managerRecord
      ? { id: managerRecord.id, name: managerRecord.name, isVisible: canSeeEmployee(viewer, managerRecord) }
      : null,
    reports: visible.filter((e) => e.managerId === employee.id),
  };
}

import type { Db } from "@/db/client";
import { listEmployeesByIds } from "@/db/queries/employees";
import type { Employee } from "@/db/schema";
import { listVisibleEmployees } from "@/lib/services/access/visible-employees";
import type { Viewer } from "@/lib/services/access/viewer";

/** One line of the employees table; `timezone` null means the organization's. */
export type EmployeeRow = Pick<Employee, "id" | "name" | "email" | "phone" | "title" | "timezone" | "isActive"> & {
  managerName: string | null;
};

/** Every employee the viewer may see, active or not, with their manager's name. */
export async function listEmployeeRows(db: Db, viewer: Viewer): Promise<EmployeeRow[]> {
  const employees = await listVisibleEmployees(db, viewer, { includeInactive: true });
  const nameById = new Map(employees.map((e) => [e.id, e.name]));
  const missing = [...new Set(employees.map((e) => e.managerId))].filter(
    (id): id is number => id !== null && !nameById.has(id),
  );
  for (const manager of await listEmployeesByIds(db, viewer.organizationId, missing)) nameById.set(manager.id, manager.name);
  return employees.map(({ id, name, email, phone, title, timezone, isActive, managerId }) => ({
    id,
    name,
    email,
    phone,
    title,
    timezone,
    isActive,
    managerName: managerId === null ? null : (nameById.get(managerId) ?? null),
  }));
}

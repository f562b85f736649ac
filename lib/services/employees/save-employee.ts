import type { CountryCode } from "libphonenumber-js";
import type { Db } from "@/db/client";
import { getEmployeeByEmail, getEmployeeById, getEmployeeForUpdate, insertEmployee, listEmployees, updateEmployee } from "@/db/queries/employees";
import { getOrganizationById } from "@/db/queries/organizations";
import type { Employee } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import { AppError } from "@/lib/errors";
import { assertRole, type Viewer } from "@/lib/services/access/viewer";
import { autoMapEmployees } from "@/lib/services/mapping/auto-map";
import { queueScoresAfterEmployeesChanged } from "@/lib/services/scores/after-employees-changed";
import { scheduleScoreDrain } from "@/lib/services/scores/schedule-score-drain";
import type { EmployeeInput } from "./employee-schemas";
import { findManagerCycle } from "./manager-cycle";
import { isPlausiblePhone } from "./phone";

/** Admins only: adds an employee (active) to the viewer's organization. */
export async function createEmployee(db: Db, viewer: Viewer, input: EmployeeInput): Promise<Employee> {
  assertRole(viewer, ["admin"]);
  await validateEmployee(db, viewer, input, null);
  const now = Date.now();
  const employee = await insertEmployee(db, { ...input, organizationId: viewer.organizationId, createdAt: now, updatedAt: now });
  await autoMapEmployees(db, viewer.organizationId, [employee.id]);
  return employee;
}

/**
 * Admins only: replaces an employee's details; the active flag is changed by setEmployeeActive. A new
 * time zone or role queues the employee's score recompute in the same transaction as the edit.
 */
export async function updateEmployeeDetails(
  db: Db,
  viewer: Viewer,
  employeeId: number,
  input: EmployeeInput,
): Promise<Employee> {
  assertRole(viewer, ["admin"]);
  const key = { organizationId: viewer.organizationId, employeeId };
  if (!(await getEmployeeById(db, key))) throw new AppError("NOT_FOUND", "Employee not found.");
  await validateEmployee(db, viewer, input, employeeId);
  const { updated, isScoreWorkQueued } = await withTransaction(db, async (tx) => {
    const before = await getEmployeeForUpdate(tx, key);
    const after = before && (await updateEmployee(tx, key, input));
    if (!before || !after) throw new AppError("NOT_FOUND", "Employee not found.");
    return { updated: after, isScoreWorkQueued: await queueScoresAfterEmployeesChanged(tx, viewer.organizationId, [before], [after]) };
  });
  await autoMapEmployees(db, viewer.organizationId, [employeeId]);
  if (isScoreWorkQueued) scheduleScoreDrain(db, viewer.organizationId);
  return updated;
}

export async function setEmployeeActive(
  db: Db,
  viewer: Viewer,
  params: { employeeId: number; isActive: boolean },
): Promise<Employee> {
  assertRole(viewer, ["admin"]);
  const key = { organizationId: viewer.organizationId, employeeId: params.employeeId };
  const updated = await updateEmployee(db, key, { isActive: params.isActive });
  if (!updated) throw new AppError("NOT_FOUND", "Employee not found.");
  await autoMapEmployees(db, viewer.organizationId, [params.employeeId]);
  return updated;
}

async function validateEmployee(db: Db, viewer: Viewer, input: EmployeeInput, employeeId: number | null) {
  const fieldErrors = await findEmployeeProblems(db, viewer, input, employeeId);
  if (Object.keys(fieldErrors).length > 0) {
    throw new AppError("VALIDATION", "Please correct the highlighted fields.", fieldErrors);
  }
}

/**
 * The checks that need the organization (phone format for its country, email taken, manager), for
 * whichever of those fields are given: the form runs them on the fields that parsed even when others did not.
 */
export async function findEmployeeProblems(
  db: Db,
  viewer: Viewer,
  input: Partial<Pick<EmployeeInput, "phone" | "email" | "managerId">>,
  employeeId: number | null,
): Promise<Record<string, string[]>> {
  const fieldErrors: Record<string, string[]> = {};
  const organization = await getOrganizationById(db, viewer.organizationId);
  if (!organization) throw new AppError("NOT_FOUND", "Organization not found.");
  if (input.phone != null && !isPlausiblePhone(input.phone, organization.countryCode as CountryCode)) {
    fieldErrors.phone = ["Enter a phone number, such as +1 415 555 0100."];
  }
  const sameEmail = input.email === undefined ? undefined : await getEmployeeByEmail(db, { organizationId: viewer.organizationId, email: input.email });
  if (sameEmail && sameEmail.id !== employeeId) fieldErrors.email = ["Another employee already has this email."];
  if (input.managerId != null) {
    const problem = await checkManager(db, viewer.organizationId, employeeId, input.managerId);
    if (problem) fieldErrors.managerId = [problem];
  }
  return fieldErrors;
}

async function checkManager(db: Db, organizationId: number, employeeId: number | null, managerId: number) {
  if (managerId === employeeId) return "An employee can't be their own manager.";
  const all = await listEmployees(db, organizationId);
  if (!all.some((e) => e.id === managerId)) return "Choose a manager from the list.";
  if (employeeId === null) return null;
  const managerOf = new Map(all.map((e) => [e.id, e.managerId]));
  managerOf.set(employeeId, managerId);
  return findManagerCycle(managerOf, employeeId) ? "That manager reports to this employee; choose someone else." : null;
}

import type { Db } from "@/db/client";
import { listDialpadUsers, listEmployeeDialpadLinks } from "@/db/queries/mapping";
import type { DialpadUserRow, Employee } from "@/db/schema";
import { AppError, isAppError } from "@/lib/errors";
import { getEligibility } from "@/lib/mapping/eligibility";
import { assertRole, type Viewer } from "@/lib/services/access/viewer";
import { employeeInputSchema, type EmployeeInput } from "@/lib/services/employees/employee-schemas";
import { createEmployee } from "@/lib/services/employees/save-employee";
import { setEmployeeMapping } from "./set-employee-mapping";

/**
 * Admins only: adds an employee from a Dialpad user nobody is mapped to (name, first email, first
 * number, time zone and job title) and maps them to it. Auto-mapping usually links them by email
 * as they are created; when it can't (a duplicate email in Dialpad), the link is made by hand.
 */
export async function createEmployeeFromDialpadUser(db: Db, viewer: Viewer, dialpadUserId: string): Promise<Employee> {
  assertRole(viewer, ["admin"]);
  const user = (await listDialpadUsers(db, viewer.organizationId)).find((u) => u.dialpadUserId === dialpadUserId);
  if (!user) throw new AppError("NOT_FOUND", "That Dialpad user is not in the Dialpad user list.");
  const name = user.displayName ?? user.emails[0] ?? "This Dialpad user";
  const eligibility = getEligibility({ state: user.state, license: user.license, isRemoved: user.removedAt !== null });
  if (!eligibility.isMappable) throw new AppError("VALIDATION", `${name} can't be mapped: ${eligibility.reason}.`);
  const links = await listEmployeeDialpadLinks(db, viewer.organizationId);
  if (links.some((link) => link.dialpadUserId === dialpadUserId)) {
    throw new AppError("CONFLICT", `${name} is already mapped to an employee.`);
  }

  const employee = await createWithMessages(db, viewer, toEmployeeInput(user, name));
  const link = (await listEmployeeDialpadLinks(db, viewer.organizationId)).find((l) => l.employeeId === employee.id);
  if (link?.dialpadUserId !== dialpadUserId) {
    await setEmployeeMapping(db, viewer, {
      employeeId: employee.id,
      choice: { kind: "user", dialpadUserId },
      reason: "Created from this Dialpad user",
    });
  }
  return employee;
}

function toEmployeeInput(user: DialpadUserRow, name: string): EmployeeInput {
  const email = user.emails[0];
  if (!email) throw new AppError("VALIDATION", `${name} has no email in Dialpad; add the employee on the Employees page instead.`);
  const base = { name: user.displayName ?? email, email, phone: user.phoneNumbers[0] ?? "", title: user.jobTitle ?? "", managerId: "" };
  // Dialpad may send a zone name Daymark doesn't accept; the employee then uses the organization's.
  const parsed = employeeInputSchema.safeParse({ ...base, timezone: user.timezone ?? "" });
  if (parsed.success) return parsed.data;
  const withoutZone = employeeInputSchema.safeParse({ ...base, timezone: "" });
  if (withoutZone.success) return withoutZone.data;
  throw new AppError("VALIDATION", `${name}'s Dialpad details can't be used as they are; add the employee on the Employees page instead.`);
}

async function createWithMessages(db: Db, viewer: Viewer, input: EmployeeInput): Promise<Employee> {
  try {
    return await createEmployee(db, viewer, input);
  } catch (error) {
    if (isAppError(error) && error.fieldErrors?.email) {
      throw new AppError("CONFLICT", `An employee with the email ${input.email} already exists; map them to this Dialpad user instead.`);
    }
    if (isAppError(error) && error.fieldErrors?.phone) {
      return createEmployee(db, viewer, { ...input, phone: null });
    }
    throw error;
  }
}

// Shared checks for the score read services.
import type { Db } from "@/db/client";
import { getOrganizationById } from "@/db/queries/organizations";
import type { Employee, Organization } from "@/db/schema";
import { getDayKeyForInstant, isValidDayKey, type DayKey } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { getEmployeeTimeZone } from "./scoring-context";

export function assertDayKey(dayKey: string): asserts dayKey is DayKey {
  if (!isValidDayKey(dayKey)) throw new AppError("VALIDATION", "Choose a date as YYYY-MM-DD.");
}

export async function requireOrganization(db: Db, organizationId: number): Promise<Organization> {
  const organization = await getOrganizationById(db, organizationId);
  if (!organization) throw new AppError("NOT_FOUND", "Organization not found.");
  return organization;
}

/** The employee's current local day: later days have nothing to score yet. */
export function getEmployeeToday(employee: Employee, organization: Organization, now: number): DayKey {
  return getDayKeyForInstant(now, getEmployeeTimeZone(employee, organization), organization.dayStartHour);
}


import type { Db } from "@/db/client";
import { updateMapping } from "@/db/queries/mapping";
import { afterMappingChanged } from "./after-mapping-changed";
import { employeesWithNewUser, planAutomaticChanges } from "./plan-with-auto";

export type AutoMapResult = {
  /** Employees whose Dialpad user changed (gained, lost or switched). */
  changedEmployeeIds: number[];
  /** Every link written, including a method change on the same user. */
  changeCount: number;
};

/**
 * Re-evaluates every automatic link in the organization and writes only what changed, with an
 * audit row per employee ("Automatic"). Manual choices and inactive employees are left alone.
 */
export async function autoMapOrganization(db: Db, organizationId: number): Promise<AutoMapResult> {
  const changes = await updateMapping(
    db,
    organizationId,
    (snapshot) => {
      const planned = planAutomaticChanges(snapshot);
      const n = planned.length;
      return { changes: planned, value: planned, auditSummary: `Mapped automatically: ${n === 1 ? "1 employee's mapping" : `${n} employees' mappings`} changed` };
    },
    Date.now(),
  );
  const changedEmployeeIds = employeesWithNewUser(changes);
  if (changedEmployeeIds.length > 0) await afterMappingChanged(db, organizationId, changedEmployeeIds);
  return { changedEmployeeIds, changeCount: changes.length };
}

/**
 * For employees just created, edited, (de)activated or imported. A new email can take a Dialpad
 * user from someone matched by phone, or create a conflict, so the whole organization is
 * re-evaluated; it is a few milliseconds for thousands of employees and only changed rows are written.
 */
export async function autoMapEmployees(db: Db, organizationId: number, employeeIds: number[]): Promise<AutoMapResult> {
  if (employeeIds.length === 0) return { changedEmployeeIds: [], changeCount: 0 };
  return autoMapOrganization(db, organizationId);
}

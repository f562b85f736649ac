import type { Db } from "@/db/client";
import type { Organization } from "@/db/schema";
import { recomputeOrganizationScores, rescoreRoles } from "./queue-recompute";

/**
 * A new default time zone or day-start hour moves calls between days: every history is
 * recomputed. A new work week changes which days without activity are scored: every day is rescored.
 */
export async function afterOrganizationSettingsChanged(db: Db, before: Organization, after: Organization): Promise<void> {
  if (before.timezone !== after.timezone || before.dayStartHour !== after.dayStartHour) {
    await recomputeOrganizationScores(db, after.id);
  }
  if (before.workWeek !== after.workWeek) await rescoreRoles(db, after.id, null);
}

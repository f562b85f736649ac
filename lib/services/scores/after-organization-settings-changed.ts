import type { Db } from "@/db/client";
import type { Organization } from "@/db/schema";
import { queueOrganizationRecompute, queueRoleRescore } from "./queue-recompute";

/**
 * Call inside the transaction that changed the settings: a new default time zone or day-start hour
 * moves calls between days, so every history is queued for a recompute; a new work week changes
 * which days without activity are scored, so every day is queued for a rescore. Both commit with
 * the change. True when anything was queued: drain after the commit.
 */
export async function queueScoresAfterOrganizationSettingsChanged(tx: Db, before: Organization, after: Organization): Promise<boolean> {
  const isCalendarChanged = before.timezone !== after.timezone || before.dayStartHour !== after.dayStartHour;
  const isWorkWeekChanged = before.workWeek !== after.workWeek;
  if (isCalendarChanged) await queueOrganizationRecompute(tx, after.id);
  if (isWorkWeekChanged) await queueRoleRescore(tx, after.id, null);
  return isCalendarChanged || isWorkWeekChanged;
}

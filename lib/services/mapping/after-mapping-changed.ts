import type { Db } from "@/db/client";
import { scheduleScoreDrain } from "@/lib/services/scores/schedule-score-drain";

/**
 * Called after every committed change to which Dialpad user an employee is mapped to (auto-mapping,
 * a manual choice or clear, an accepted suggestion), with the ids of the employees whose mapping
 * changed. Their calls now belong to someone else: updateMapping queued a recompute of every day of
 * theirs in the same transaction, and this starts it in the background (the request returns at once).
 */
export async function afterMappingChanged(db: Db, organizationId: number, employeeIds: number[]): Promise<void> {
  if (employeeIds.length > 0) scheduleScoreDrain(db, organizationId);
}

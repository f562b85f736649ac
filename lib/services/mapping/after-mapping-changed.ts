import type { Db } from "@/db/client";
import { recomputeEmployeeScores } from "@/lib/services/scores/queue-recompute";

/**
 * Called after every change to which Dialpad user an employee is mapped to (auto-mapping, a manual
 * choice or clear, an accepted suggestion), with the ids of the employees whose mapping changed.
 * Those employees' calls now belong to someone else, so every day of theirs is recomputed.
 */
export async function afterMappingChanged(db: Db, organizationId: number, employeeIds: number[]): Promise<void> {
  await recomputeEmployeeScores(db, organizationId, employeeIds);
}

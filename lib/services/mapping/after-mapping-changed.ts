import type { Db } from "@/db/client";

/**
 * Called after every change to which Dialpad user an employee is mapped to (auto-mapping, a manual
 * choice or clear, an accepted suggestion), with the ids of the employees whose mapping changed.
 * Those employees' calls now belong to someone else, so their daily scores must be recomputed.
 * The scoring service fills this in; until then it does nothing.
 */
export async function afterMappingChanged(db: Db, organizationId: number, employeeIds: number[]): Promise<void> {
  void db;
  void organizationId;
  void employeeIds;
}

import type { Db } from "@/db/client";
import type { Employee } from "@/db/schema";
import { queueEmployeeRecompute } from "./queue-recompute";
import { getRoleKey } from "./scoring-context";

/**
 * Call inside the transaction that edited or imported the employees, with them as they were before
 * and are after: a new time zone moves calls between days and a new title moves the days to another
 * role, so those employees' whole histories are queued for a recompute (both roles' baselines
 * follow) and commit with the edit. True when anything was queued: drain after the commit.
 */
export async function queueScoresAfterEmployeesChanged(
  tx: Db,
  organizationId: number,
  before: readonly Employee[],
  after: readonly Employee[],
): Promise<boolean> {
  const previous = new Map(before.map((employee) => [employee.id, employee]));
  const changed = after.filter((employee) => {
    const old = previous.get(employee.id);
    return old !== undefined && (old.timezone !== employee.timezone || getRoleKey(old.title) !== getRoleKey(employee.title));
  });
  await queueEmployeeRecompute(tx, organizationId, changed.map((employee) => employee.id));
  return changed.length > 0;
}

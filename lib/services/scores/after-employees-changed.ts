import type { Db } from "@/db/client";
import { listEmployeesByIds } from "@/db/queries/employees";
import type { Employee } from "@/db/schema";
import { recomputeEmployeeScores } from "./queue-recompute";
import { getRoleKey } from "./scoring-context";

/**
 * Called with employees as they were before an edit or import. A new time zone moves calls
 * between days and a new title moves the days to another role, so those employees' whole
 * histories are recomputed (both roles' baselines follow).
 */
export async function afterEmployeesChanged(db: Db, organizationId: number, before: readonly Employee[]): Promise<void> {
  const previous = new Map(before.map((employee) => [employee.id, employee]));
  const current = await listEmployeesByIds(db, organizationId, [...previous.keys()]);
  const changed = current.filter((employee) => {
    const old = previous.get(employee.id)!;
    return old.timezone !== employee.timezone || getRoleKey(old.title) !== getRoleKey(employee.title);
  });
  await recomputeEmployeeScores(db, organizationId, changed.map((employee) => employee.id));
}

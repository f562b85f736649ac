import type { Db } from "@/db/client";
import { getEmployeeForUpdate } from "@/db/queries/employees";
import { setEmployeeHiddenAt } from "@/db/queries/privacy";
import { withTransaction } from "@/db/transaction";
import { AppError } from "@/lib/errors";
import { assertRole, type Viewer } from "@/lib/services/access/viewer";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { queueRoleRescore } from "@/lib/services/scores/queue-recompute";
import { scheduleScoreDrain } from "@/lib/services/scores/schedule-score-drain";
import { getRoleKey } from "@/lib/services/scores/scoring-context";

/**
 * Hides an employee from scores (or shows them again): managers no longer see them, and their role's
 * baselines are rescored without (or with) their days. Their calls keep syncing, so un-hiding loses nothing.
 */
export async function setEmployeeHidden(
  db: Db,
  viewer: Viewer,
  input: { employeeId: number; isHidden: boolean },
  now: number = Date.now(),
): Promise<{ isHidden: boolean }> {
  assertRole(viewer, ["admin"]);
  const isChanged = await withTransaction(db, async (tx) => {
    const key = { organizationId: viewer.organizationId, employeeId: input.employeeId };
    const employee = await getEmployeeForUpdate(tx, key);
    if (!employee) throw new AppError("NOT_FOUND", "Employee not found.");
    if ((employee.hiddenAt !== null) === input.isHidden) return false;
    await setEmployeeHiddenAt(tx, key, input.isHidden ? now : null);
    await queueRoleRescore(tx, viewer.organizationId, [getRoleKey(employee.title)]);
    await recordAuditEvent(tx, {
      organizationId: viewer.organizationId,
      actor: viewer,
      action: input.isHidden ? "employee.hidden" : "employee.unhidden",
      target: { type: "employee", id: employee.id },
      summary: input.isHidden ? `Hid ${employee.name} from scores` : `Showed ${employee.name} in scores again`,
      at: now,
    });
    return true;
  });
  if (isChanged) scheduleScoreDrain(db, viewer.organizationId);
  return { isHidden: input.isHidden };
}

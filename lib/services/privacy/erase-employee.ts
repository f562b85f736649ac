import { z } from "@/lib/zod";
import type { Db } from "@/db/client";
import { getEmployeeForUpdate } from "@/db/queries/employees";
import { deleteEmployeeRows, getLinkedDialpadUserId, type ErasedCounts } from "@/db/queries/privacy-erase";
import { withTransaction } from "@/db/transaction";
import { AppError } from "@/lib/errors";
import { idSchema } from "@/lib/id-schema";
import { assertRole, type Viewer } from "@/lib/services/access/viewer";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { queueRoleRescore } from "@/lib/services/scores/queue-recompute";
import { scheduleScoreDrain } from "@/lib/services/scores/schedule-score-drain";
import { getRoleKey } from "@/lib/services/scores/scoring-context";

export const eraseEmployeeSchema = z.object({
  employeeId: idSchema("Choose an employee."),
  confirmName: z.string().trim().min(1, "Type the employee's name to confirm."),
});

/**
 * Erases an employee (a subject request): calls, daily scores, call-day entries, mapping, view log and
 * the employee record, in one transaction with its audit event. The Dialpad user stays in the directory,
 * unmapped and marked erased, so neither auto-mapping nor the next sync brings the data back; the role's
 * baselines are rescored without them. The audit event names only the employee's id.
 */
export async function eraseEmployee(
  db: Db,
  viewer: Viewer,
  input: { employeeId: number; confirmName: string },
  now: number = Date.now(),
): Promise<ErasedCounts> {
  assertRole(viewer, ["admin"]);
  const { employeeId } = input;
  const confirmName = input.confirmName.trim();
  const counts = await withTransaction(db, async (tx) => {
    const key = { organizationId: viewer.organizationId, employeeId };
    const employee = await getEmployeeForUpdate(tx, key);
    if (!employee) throw new AppError("NOT_FOUND", "Employee not found.");
    if (confirmName !== employee.name.trim()) {
      throw new AppError("VALIDATION", "The name does not match.", { confirmName: [`Type ${employee.name} exactly to confirm.`] });
    }
    const dialpadUserId = await getLinkedDialpadUserId(tx, key);
    const erased = await deleteEmployeeRows(tx, { ...key, dialpadUserId, now });
    await queueRoleRescore(tx, viewer.organizationId, [getRoleKey(employee.title)]);
    await recordAuditEvent(tx, {
      organizationId: viewer.organizationId,
      actor: viewer,
      action: "employee.erased",
      target: { type: "employee", id: employee.id },
      summary: `Erased employee #${employee.id} and everything stored about them`,
      details: { ...erased, dialpadUserKeptUnmapped: dialpadUserId !== null },
      at: now,
    });
    return erased;
  });
  scheduleScoreDrain(db, viewer.organizationId);
  return counts;
}

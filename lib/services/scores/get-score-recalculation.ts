// What the day and settings pages say while score work a change queued is running, and what failed.
import type { Db } from "@/db/client";
import { listEmployeesByIds } from "@/db/queries/employees";
import { listFailedQueueRows, listQueueBatchCounts } from "@/db/queries/score-queue-status";
import { listEmployeesMappedTo } from "@/db/queries/scores";
import type { ScoreBatchUnit } from "@/db/schema";
import { assertRole, type Viewer } from "@/lib/services/access/viewer";
import { getRoleLabel } from "./scoring-context";

export interface RecalculationProgress {
  unit: ScoreBatchUnit;
  /** Units whose work is done (or failed for good: the Settings page lists those). */
  done: number;
  total: number;
}

/** Every recalculation still running in the viewer's organization, oldest first; empty when scores are current. */
export async function listRecalculationProgress(db: Db, viewer: Viewer): Promise<RecalculationProgress[]> {
  const batches = await listQueueBatchCounts(db, viewer.organizationId);
  return batches
    .filter((batch) => batch.pendingRows > 0)
    .map((batch) => ({ unit: batch.unit, total: batch.total, done: Math.max(0, batch.total - batch.pendingUnits) }));
}

export interface FailedScoreWork {
  id: number;
  /** "Employee Ada Lovelace", "Role Sales", "Calls of Dialpad user 42". */
  subject: string;
  error: string;
  attempts: number;
  failedAt: number;
}

/** Admins only: score work that failed its last try, oldest first. */
export async function listFailedScoreWork(db: Db, viewer: Viewer): Promise<FailedScoreWork[]> {
  assertRole(viewer, ["admin"]);
  const { organizationId } = viewer;
  const rows = await listFailedQueueRows(db, organizationId);
  if (rows.length === 0) return [];
  const users = [...new Set(rows.flatMap((row) => (row.dialpadUserId === null ? [] : [row.dialpadUserId])))];
  const employeeByUser = new Map((await listEmployeesMappedTo(db, organizationId, users)).map((row) => [row.dialpadUserId, row.employeeId]));
  const employeeIds = new Set<number>();
  for (const row of rows) {
    const employeeId = row.employeeId ?? employeeByUser.get(row.dialpadUserId ?? "");
    if (employeeId !== undefined) employeeIds.add(employeeId);
  }
  const names = new Map((await listEmployeesByIds(db, organizationId, [...employeeIds])).map((employee) => [employee.id, employee.name]));
  const describe = (row: (typeof rows)[number]): string => {
    if (row.kind === "role") return `Role ${getRoleLabel(row.role ?? "")}`;
    if (row.kind === "employee") return `Employee ${names.get(row.employeeId ?? 0) ?? `#${row.employeeId}`}`;
    const employeeId = employeeByUser.get(row.dialpadUserId ?? "");
    const name = employeeId === undefined ? undefined : names.get(employeeId);
    return name ? `New calls of ${name}` : `New calls of Dialpad user ${row.dialpadUserId}`;
  };
  return rows.map((row) => ({ id: row.id, subject: describe(row), error: row.lastError, attempts: row.attempts, failedAt: row.failedAt }));
}

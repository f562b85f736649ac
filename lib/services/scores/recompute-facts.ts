// Turns queued "calls" and "employee" rows into per-employee recomputes, one unit of work each.
import type { Db } from "@/db/client";
import type { QueueRow } from "@/db/queries/score-queue";
import { listEmployeesMappedTo } from "@/db/queries/scores";
import { recomputeEmployee, type TimeSpan } from "./recompute-employee";
import type { ClaimedWork } from "./run-claimed";
import { yieldToEventLoop } from "./run-logged";

type EmployeeWork = { rows: QueueRow[]; isFull: boolean; spans: TimeSpan[] };

/**
 * An employee with an "employee" row is recomputed whole (their calls rows ride along); others
 * only on the days their calls rows span. The role rows a recompute queues join the batch of the
 * employee's row, so a recalculation runs until its rescoring is done too.
 */
export async function recomputeFacts(db: Db, organizationId: number, rows: readonly QueueRow[], claimed: ClaimedWork): Promise<void> {
  const byEmployee = new Map<number, EmployeeWork>();
  const workFor = (employeeId: number) => {
    let work = byEmployee.get(employeeId);
    if (!work) {
      work = { rows: [], isFull: false, spans: [] };
      byEmployee.set(employeeId, work);
    }
    return work;
  };
  for (const row of rows) {
    if (row.kind !== "employee" || row.employeeId === null) continue;
    const work = workFor(row.employeeId);
    work.rows.push(row);
    work.isFull = true;
  }
  const callsRows = rows.filter((row) => row.kind === "calls" && row.dialpadUserId !== null && row.fromMs !== null && row.toMs !== null);
  const users = [...new Set(callsRows.map((row) => row.dialpadUserId!))];
  for (const { employeeId, dialpadUserId } of await listEmployeesMappedTo(db, organizationId, users)) {
    const work = workFor(employeeId);
    for (const row of callsRows) {
      if (row.dialpadUserId !== dialpadUserId) continue;
      work.rows.push(row);
      work.spans.push({ from: row.fromMs!, to: row.toMs! });
    }
  }
  const now = Date.now();
  for (const [employeeId, work] of byEmployee) {
    const target = work.isFull ? { kind: "all" as const } : { kind: "spans" as const, spans: work.spans };
    const batch = work.rows.find((row) => row.batch !== null)?.batch ?? null;
    await claimed.runUnit(work.rows, employeeId, (settle) => recomputeEmployee(db, organizationId, employeeId, target, now, batch, settle));
    await claimed.keepClaim();
    await yieldToEventLoop();
  }
}

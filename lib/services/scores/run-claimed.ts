// Claims a phase of the organization's score queue and settles every claimed row: deleted once its
// work committed, or given back with one more try counted when its work failed.
import type { Db } from "@/db/client";
import {
  claimQueueRows,
  deleteQueueRows,
  extendQueueClaims,
  releaseQueueClaims,
  scoreQueueLeaseMs,
  type QueuePhase,
  type QueueRow,
} from "@/db/queries/score-queue";
import { recordQueueFailures } from "@/db/queries/score-queue-status";
import { getRetryAt, runLogged } from "./run-logged";

export interface ClaimedWork {
  /** Renews the lease; call it between units. */
  keepClaim(): Promise<void>;
  /**
   * Runs one unit of work (one employee, one role) for these claimed rows: they are deleted as the
   * work commits, so progress counts each unit; on a failure each row counts a try and waits for the
   * next, or after the last one is kept as failed. Transient database errors go up. The work calls
   * `settle(tx)` inside the transaction that commits it (its last one), which deletes the rows there;
   * work that never gets that far (nothing to do) has them deleted once it returns.
   */
  runUnit(rows: readonly QueueRow[], subject: string | number, run: (settle: SettleRows) => Promise<unknown>): Promise<void>;
}

/** Deletes a unit's claimed rows inside the transaction that commits its work. */
export type SettleRows = (tx: Db) => Promise<void>;

/**
 * Claims the phase's rows and runs their work. Rows no unit took (say, calls of an unmapped user)
 * are deleted at the end; on an error that goes up, the unsettled rows are given back at once for
 * the next drain. Returns how many rows it claimed.
 */
export async function runClaimed(
  db: Db,
  organizationId: number,
  phase: QueuePhase,
  work: (rows: QueueRow[], claimed: ClaimedWork) => Promise<void>,
): Promise<number> {
  const claimedAt = Date.now();
  const rows = await claimQueueRows(db, organizationId, phase, { now: claimedAt });
  if (rows.length === 0) return 0;
  const settled = new Set<number>();
  const unsettledIds = () => rows.map((row) => row.id).filter((id) => !settled.has(id));
  let until = claimedAt + scoreQueueLeaseMs;
  const keepClaim = async () => {
    const now = Date.now();
    if (until - now > scoreQueueLeaseMs / 2) return;
    until = now + scoreQueueLeaseMs;
    await extendQueueClaims(db, organizationId, unsettledIds(), until);
  };
  const runUnit = async (unitRows: readonly QueueRow[], subject: string | number, run: (settle: SettleRows) => Promise<unknown>) => {
    const open = unitRows.filter((row) => !settled.has(row.id));
    const ids = open.map((row) => row.id);
    let isDeleted = false;
    const settle: SettleRows = async (tx) => {
      await deleteQueueRows(tx, organizationId, ids);
      isDeleted = true;
    };
    const isDone = await runLogged(subject, () => run(settle), async (error) => {
      const now = Date.now();
      const failures = open.map((row) => ({ id: row.id, error, retryAt: getRetryAt(row.attempts + 1, now) }));
      await recordQueueFailures(db, organizationId, failures, now);
    });
    if (isDone && !isDeleted) await deleteQueueRows(db, organizationId, ids);
    for (const row of open) settled.add(row.id);
  };
  try {
    await work(rows, { keepClaim, runUnit });
  } catch (error) {
    await releaseQueueClaims(db, organizationId, unsettledIds(), Date.now()).catch(() => {});
    throw error;
  }
  await deleteQueueRows(db, organizationId, unsettledIds());
  return rows.length;
}

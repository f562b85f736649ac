// Tries, failures and progress of the score recompute queue (db/queries/score-queue.ts claims and queues).
import { and, asc, eq, gt, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { scoreRecomputeQueue as queue, type ScoreBatchUnit, type ScoreQueueKind } from "@/db/schema";
import { withTransaction } from "@/db/transaction";

/** A claimed row whose work failed: it waits until `retryAt`, or with null it has failed for good. */
export interface QueueFailure {
  id: number;
  error: string;
  retryAt: number | null;
}

/**
 * Counts one more try on each row and gives it back: claimable again at its `retryAt`, or kept as
 * failed (still claimed, so the triggers queue later changes in rows of their own) for an admin to retry.
 */
export async function recordQueueFailures(db: Db, organizationId: number, failures: readonly QueueFailure[], now: number): Promise<void> {
  if (failures.length === 0) return;
  await withTransaction(db, async (tx) => {
    for (const failure of failures) {
      const isFinal = failure.retryAt === null;
      await tx
        .update(queue)
        .set({
          attempts: sql`${queue.attempts} + 1`,
          lastError: failure.error,
          nextAttemptAt: failure.retryAt,
          failedAt: isFinal ? now : null,
          isClaimed: isFinal,
          claimedUntil: null,
        })
        .where(and(eq(queue.organizationId, organizationId), eq(queue.id, failure.id)));
    }
  });
}

/** When the earliest row waiting for its next try is due; null when none waits. */
export async function getNextQueueAttemptAt(db: Db, organizationId: number, now: number): Promise<number | null> {
  const [row] = await db
    .select({ at: sql<number | string | null>`min(${queue.nextAttemptAt})` })
    .from(queue)
    .where(and(eq(queue.organizationId, organizationId), isNull(queue.failedAt), gt(queue.nextAttemptAt, now)));
  return row?.at === null || row?.at === undefined ? null : Number(row.at);
}

export interface FailedQueueRow {
  id: number;
  kind: ScoreQueueKind;
  employeeId: number | null;
  dialpadUserId: string | null;
  role: string | null;
  attempts: number;
  lastError: string;
  failedAt: number;
}

/** Rows that failed their last try, oldest first. */
export async function listFailedQueueRows(db: Db, organizationId: number): Promise<FailedQueueRow[]> {
  const rows = await db
    .select({
      id: queue.id,
      kind: queue.kind,
      employeeId: queue.employeeId,
      dialpadUserId: queue.dialpadUserId,
      role: queue.role,
      attempts: queue.attempts,
      lastError: queue.lastError,
      failedAt: queue.failedAt,
    })
    .from(queue)
    .where(and(eq(queue.organizationId, organizationId), isNotNull(queue.failedAt)))
    .orderBy(asc(queue.failedAt), asc(queue.id));
  return rows.map((row) => ({ ...row, lastError: row.lastError ?? "", failedAt: row.failedAt ?? 0 }));
}

/** Failed rows (these ids, or all) start over with no tries; returns the ids requeued. */
export async function requeueFailedRows(db: Db, organizationId: number, ids: readonly number[] | "all"): Promise<number[]> {
  const scope = ids === "all" ? undefined : inArray(queue.id, [...ids]);
  const rows = await db
    .update(queue)
    .set({ attempts: 0, lastError: null, nextAttemptAt: null, failedAt: null, isClaimed: false, claimedUntil: null })
    .where(and(eq(queue.organizationId, organizationId), isNotNull(queue.failedAt), scope))
    .returning({ id: queue.id });
  return rows.map((row) => row.id).sort((a, b) => a - b);
}

export interface QueueBatchCounts {
  batchId: string;
  unit: ScoreBatchUnit;
  total: number;
  /** Rows of the unit's kind still to run (claimed or not). */
  pendingUnits: number;
  failedUnits: number;
  /** Every row still to run, the role rows its units queued included: the batch runs while this is above 0. */
  pendingRows: number;
  firstId: number;
}

const isUnitRow = sql`((${queue.batchUnit} = 'employees' AND ${queue.kind} = 'employee') OR (${queue.batchUnit} = 'roles' AND ${queue.kind} = 'role'))`;
const count = (condition: ReturnType<typeof sql>) => sql<number>`sum(case when ${condition} then 1 else 0 end)`.mapWith(Number);

/** Each recalculation with rows left, in the order they were queued. */
export async function listQueueBatchCounts(db: Db, organizationId: number): Promise<QueueBatchCounts[]> {
  const rows = await db
    .select({
      batchId: queue.batchId,
      unit: sql<ScoreBatchUnit>`max(${queue.batchUnit})`,
      total: sql<number>`max(${queue.batchTotal})`.mapWith(Number),
      pendingUnits: count(sql`${queue.failedAt} IS NULL AND ${isUnitRow}`),
      failedUnits: count(sql`${queue.failedAt} IS NOT NULL AND ${isUnitRow}`),
      pendingRows: count(sql`${queue.failedAt} IS NULL`),
      firstId: sql<number>`min(${queue.id})`.mapWith(Number),
    })
    .from(queue)
    .where(and(eq(queue.organizationId, organizationId), isNotNull(queue.batchId)))
    .groupBy(queue.batchId);
  return rows
    .flatMap((row) => (row.batchId === null ? [] : [{ ...row, batchId: row.batchId }]))
    .sort((a, b) => a.firstId - b.firstId);
}

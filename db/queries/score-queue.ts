// The score recompute queue (db/schema/*/scores.ts). Rows are claimed by id with a lease, and only
// the claimed ids are deleted once their work committed, so any number of drains in any number of
// processes share one queue: a row queued meanwhile waits for the next claim, and a dead drain's
// rows are claimable again when its lease lapses.
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { executeSql } from "@/db/engines/raw";
import { forUpdateSkipLocked } from "@/db/locks";
import { firstRow } from "@/db/rows";
import { scoreRecomputeQueue as queue, type ScoreBatchUnit, type ScoreQueueKind } from "@/db/schema";
import { withTransaction } from "@/db/transaction";

export interface QueueRow {
  id: number;
  kind: ScoreQueueKind;
  dialpadUserId: string | null;
  employeeId: number | null;
  role: string | null;
  fromMs: number | null;
  toMs: number | null;
  fromDay: string | null;
  toDay: string | null;
  /** Failed tries before this claim. */
  attempts: number;
  batch: QueueBatch | null;
}

/** A recalculation's rows: its progress counts the rows of its unit's kind ("employees": employee rows). */
export interface QueueBatch {
  id: string;
  total: number;
  unit: ScoreBatchUnit;
}

export function newQueueBatch(unit: ScoreBatchUnit, total: number): QueueBatch {
  return { id: randomUUID(), total, unit };
}

export type QueueInsert =
  | { kind: "employee"; employeeId: number }
  | { kind: "role"; role: string; fromDay: string | null; toDay: string | null };

/** "facts": the "calls" and "employee" rows (recompute facts); "role": the rescoring they queue. */
export type QueuePhase = "facts" | "role";

/** How long a claim holds; a drain renews it while it works, so only a dead drain's claims lapse. */
export const scoreQueueLeaseMs = 5 * 60_000;

const rowColumns = {
  id: queue.id,
  kind: queue.kind,
  dialpadUserId: queue.dialpadUserId,
  employeeId: queue.employeeId,
  role: queue.role,
  fromMs: queue.fromMs,
  toMs: queue.toMs,
  fromDay: queue.fromDay,
  toDay: queue.toDay,
  attempts: queue.attempts,
  batchId: queue.batchId,
  batchTotal: queue.batchTotal,
  batchUnit: queue.batchUnit,
};

type SelectedRow = Omit<QueueRow, "batch"> & { batchId: string | null; batchTotal: number | null; batchUnit: ScoreBatchUnit | null };

function toQueueRow({ batchId, batchTotal, batchUnit, ...row }: SelectedRow): QueueRow {
  const batch = batchId !== null && batchTotal !== null && batchUnit !== null ? { id: batchId, total: batchTotal, unit: batchUnit } : null;
  return { ...row, batch };
}

const phaseKinds: Record<QueuePhase, ScoreQueueKind[]> = { facts: ["calls", "employee"], role: ["role"] };
const chunkRows = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += chunkRows) result.push(items.slice(start, start + chunkRows));
  return result;
}

/**
 * Claims the phase's claimable rows (unclaimed, or claimed under a lease that lapsed or predates
 * leases; never a failed row, nor one waiting for its next try) until `now + leaseMs`, and returns
 * them by id. A claimed row no longer absorbs new changes (the triggers skip claimed rows), so
 * anything that happens after this gets a row of its own.
 */
export async function claimQueueRows(
  db: Db,
  organizationId: number,
  phase: QueuePhase,
  options: { now: number; leaseMs?: number },
): Promise<QueueRow[]> {
  const isClaimable = and(
    eq(queue.organizationId, organizationId),
    inArray(queue.kind, phaseKinds[phase]),
    or(eq(queue.isClaimed, false), isNull(queue.claimedUntil), lte(queue.claimedUntil, options.now)),
    isNull(queue.failedAt),
    or(isNull(queue.nextAttemptAt), lte(queue.nextAttemptAt, options.now)),
  );
  const until = options.now + (options.leaseMs ?? scoreQueueLeaseMs);
  const claimed = await withTransaction(db, async (tx) => {
    // PostgreSQL: rows another drain is claiming right now are left to it (SKIP LOCKED).
    const ids = forUpdateSkipLocked(tx, tx.select({ id: queue.id }).from(queue).where(isClaimable));
    const rows = await tx
      .update(queue)
      .set({ isClaimed: true, claimedUntil: until })
      .where(and(eq(queue.organizationId, organizationId), inArray(queue.id, ids)))
      .returning(rowColumns);
    // PostgreSQL: a writer still in its transaction may have let one of these rows absorb its change
    // (the trigger saw it unclaimed); SHARE waits for every open writer of calls, so this drain then
    // reads their legs. SQLite has one writer: nothing can be open.
    if (tx.$engine === "postgres" && rows.some((row) => row.kind === "calls")) {
      await executeSql(tx, sql`LOCK TABLE calls IN SHARE MODE`);
    }
    return rows;
  });
  return claimed.map(toQueueRow).sort((a, b) => a.id - b.id);
}

/** Keeps claims alive while their drain works. */
export async function extendQueueClaims(db: Db, organizationId: number, ids: readonly number[], until: number): Promise<void> {
  await withTransaction(db, async (tx) => {
    for (const chunk of chunks(ids)) {
      await tx.update(queue).set({ claimedUntil: until }).where(and(eq(queue.organizationId, organizationId), inArray(queue.id, chunk)));
    }
  });
}

/** Gives claimed rows back at once (their drain failed): the next drain takes them. */
export async function releaseQueueClaims(db: Db, organizationId: number, ids: readonly number[], now: number): Promise<void> {
  await extendQueueClaims(db, organizationId, ids, now);
}

/** Deletes claimed rows whose work committed. */
export async function deleteQueueRows(db: Db, organizationId: number, ids: readonly number[]): Promise<void> {
  await withTransaction(db, async (tx) => {
    for (const chunk of chunks(ids)) {
      await tx.delete(queue).where(and(eq(queue.organizationId, organizationId), inArray(queue.id, chunk)));
    }
  });
}

/**
 * Queues score work. Pass the transaction handle of the change that causes it
 * (`await insertQueueRows(tx, organizationId, rows)` inside withTransaction), so both commit together.
 * With a batch, the rows are part of that recalculation (its progress counts them).
 */
export async function insertQueueRows(
  db: Db,
  organizationId: number,
  rows: readonly QueueInsert[],
  batch: QueueBatch | null = null,
): Promise<void> {
  const values = rows.map((row) => ({
    organizationId,
    kind: row.kind,
    dialpadUserId: null,
    employeeId: row.kind === "employee" ? row.employeeId : null,
    role: row.kind === "role" ? row.role : null,
    fromMs: null,
    toMs: null,
    fromDay: row.kind === "role" ? row.fromDay : null,
    toDay: row.kind === "role" ? row.toDay : null,
    isClaimed: false,
    claimedUntil: null,
    batchId: batch?.id ?? null,
    batchTotal: batch?.total ?? null,
    batchUnit: batch?.unit ?? null,
  }));
  for (const chunk of chunks(values)) await db.insert(queue).values(chunk);
}

/** Any row left to run, claimed or not (say, by a process that exited before its drain); failed rows wait for an admin. */
export async function hasQueuedScoreWork(db: Db, organizationId: number): Promise<boolean> {
  const query = db.select({ id: queue.id }).from(queue).where(and(eq(queue.organizationId, organizationId), isNull(queue.failedAt)));
  return (await firstRow(query.limit(1))) !== undefined;
}

/** Every row with its claim, by id (tests and diagnostics). */
export async function listQueueRows(
  db: Db,
  organizationId: number,
): Promise<(QueueRow & { isClaimed: boolean; claimedUntil: number | null; failedAt: number | null; lastError: string | null })[]> {
  const rows = await db
    .select({ ...rowColumns, isClaimed: queue.isClaimed, claimedUntil: queue.claimedUntil, failedAt: queue.failedAt, lastError: queue.lastError })
    .from(queue)
    .where(eq(queue.organizationId, organizationId))
    .orderBy(asc(queue.id));
  return rows.map(({ isClaimed, claimedUntil, failedAt, lastError, ...row }) => ({ ...toQueueRow(row), isClaimed, claimedUntil, failedAt, lastError }));
}

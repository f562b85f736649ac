// The score recompute queue (db/schema/*/scores.ts). Rows are claimed by id with a lease, and only
// the claimed ids are deleted once their work committed, so any number of drains in any number of
// processes share one queue: a row queued meanwhile waits for the next claim, and a dead drain's
// rows are claimable again when its lease lapses.
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { asNodePg } from "@/db/engines/postgres";
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

/** Unclaimed, or claimed under a lease that lapsed or predates leases; never a failed row, nor one waiting for its next try. */
function isClaimable(organizationId: number, now: number, kinds: readonly ScoreQueueKind[]) {
  return and(
    eq(queue.organizationId, organizationId),
    inArray(queue.kind, [...kinds]),
    or(eq(queue.isClaimed, false), isNull(queue.claimedUntil), lte(queue.claimedUntil, now)),
    isNull(queue.failedAt),
    or(isNull(queue.nextAttemptAt), lte(queue.nextAttemptAt, now)),
  );
}

/**
 * Claims the phase's claimable rows until `now + leaseMs` and returns them by id. A claimed row no
 * longer absorbs new changes (the triggers skip claimed rows), so anything that happens after this
 * gets a row of its own.
 */
export async function claimQueueRows(
  db: Db,
  organizationId: number,
  phase: QueuePhase,
  options: { now: number; leaseMs?: number },
): Promise<QueueRow[]> {
  const until = options.now + (options.leaseMs ?? scoreQueueLeaseMs);
  const claimed = db.$engine === "postgres"
    ? await claimPostgres(db, organizationId, phase, options.now, until)
    : await withTransaction(db, (tx) =>
      tx
        .update(queue)
        .set({ isClaimed: true, claimedUntil: until })
        .where(and(eq(queue.organizationId, organizationId), inArray(queue.id, tx.select({ id: queue.id }).from(queue).where(isClaimable(organizationId, options.now, phaseKinds[phase])))))
        .returning(rowColumns));
  return claimed.map(toQueueRow).sort((a, b) => a.id - b.id);
}

const integer = (value: number) => {
  if (!Number.isSafeInteger(value)) throw new Error(`Expected an integer, got ${value}.`);
  return sql.raw(String(value));
};

/**
 * One round trip: the claim and, when it took "calls" rows, the lock below, sent as one simple-protocol
 * message (its statements run as one transaction; several statements cannot carry parameters, so the
 * values, all integers, are written into the text). Rows another drain is claiming right now are left
 * to it (SKIP LOCKED). A writer still in its transaction may have let one of the claimed rows absorb its
 * change (the trigger saw it unclaimed); SHARE waits for every open writer of calls, so this drain then
 * reads their legs. SQLite has one writer: nothing can be open.
 */
async function claimPostgres(db: Db, organizationId: number, phase: QueuePhase, now: number, until: number): Promise<SelectedRow[]> {
  const [o, n, u] = [integer(organizationId), integer(now), integer(until)];
  const kinds = sql.raw(phaseKinds[phase].map((kind) => `'${kind}'`).join(", "));
  const claim = sql`UPDATE score_recompute_queue SET is_claimed = true, claimed_until = ${u}
    WHERE organization_id = ${o} AND id IN (SELECT id FROM score_recompute_queue WHERE organization_id = ${o} AND kind IN (${kinds})
      AND (NOT is_claimed OR claimed_until IS NULL OR claimed_until <= ${n}) AND failed_at IS NULL
      AND (next_attempt_at IS NULL OR next_attempt_at <= ${n}) FOR UPDATE SKIP LOCKED)
    RETURNING id, kind, dialpad_user_id AS "dialpadUserId", employee_id AS "employeeId", role, from_ms AS "fromMs",
      to_ms AS "toMs", from_day AS "fromDay", to_day AS "toDay", attempts, batch_id AS "batchId", batch_total AS "batchTotal",
      batch_unit AS "batchUnit"`;
  const lock = sql`DO $$BEGIN IF EXISTS (SELECT FROM score_recompute_queue WHERE organization_id = ${o} AND kind = 'calls'
    AND is_claimed AND claimed_until = ${u}) THEN LOCK TABLE calls IN SHARE MODE; END IF; END$$`;
  const text = phase === "facts" ? sql`${claim}; ${lock}` : claim;
  const result = (await asNodePg(db).execute(text)) as unknown as { rows: SelectedRow[] } | { rows: SelectedRow[] }[];
  return Array.isArray(result) ? result[0]!.rows : result.rows;
}

/** Runs `write` on each chunk of ids, in one transaction when there are several (one statement needs none). */
async function forEachChunk(db: Db, ids: readonly number[], write: (tx: Db, chunk: number[]) => Promise<unknown>): Promise<void> {
  if (ids.length === 0) return;
  if (ids.length <= chunkRows) {
    await write(db, [...ids]);
    return;
  }
  await withTransaction(db, async (tx) => {
    for (const chunk of chunks(ids)) await write(tx, chunk);
  });
}

/** Keeps claims alive while their drain works. */
export async function extendQueueClaims(db: Db, organizationId: number, ids: readonly number[], until: number): Promise<void> {
  await forEachChunk(db, ids, (tx, chunk) =>
    tx.update(queue).set({ claimedUntil: until }).where(and(eq(queue.organizationId, organizationId), inArray(queue.id, chunk))));
}

/** Gives claimed rows back at once (their drain failed): the next drain takes them. */
export async function releaseQueueClaims(db: Db, organizationId: number, ids: readonly number[], now: number): Promise<void> {
  await extendQueueClaims(db, organizationId, ids, now);
}

/** Deletes claimed rows whose work committed: pass the work's transaction handle, so both commit together. */
export async function deleteQueueRows(db: Db, organizationId: number, ids: readonly number[]): Promise<void> {
  await forEachChunk(db, ids, (tx, chunk) => tx.delete(queue).where(and(eq(queue.organizationId, organizationId), inArray(queue.id, chunk))));
}

/**
 * After a drain's pass, in one statement: whether rows are claimable now (queued while it ran, or a
 * dead drain's whose lease lapsed), and when the earliest row waiting for its next try is due.
 */
export async function getQueueOutlook(db: Db, organizationId: number, now: number): Promise<{ isClaimable: boolean; nextAttemptAt: number | null }> {
  const claimable = isClaimable(organizationId, now, [...phaseKinds.facts, ...phaseKinds.role]);
  const [row] = await db
    .select({
      claimable: sql<number | string>`sum(case when ${claimable} then 1 else 0 end)`,
      at: sql<number | string | null>`min(case when ${queue.nextAttemptAt} > ${now} then ${queue.nextAttemptAt} end)`,
    })
    .from(queue)
    .where(and(eq(queue.organizationId, organizationId), isNull(queue.failedAt)));
  return { isClaimable: Number(row?.claimable ?? 0) > 0, nextAttemptAt: row?.at === null || row?.at === undefined ? null : Number(row.at) };
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

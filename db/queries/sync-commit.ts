import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { syncRuns } from "@/db/schema";
import { requestWalCheckpoint } from "@/db/engines/sqlite-checkpointer";
import { withTransaction } from "@/db/transaction";
import { dedupeLegs, quarantineRecords, upsertCallRows, type IncomingLeg, type RejectedRecord, type UpsertCounts } from "./calls";
import { createChunkSizer, sqliteChunkRule, type ChunkSizer } from "./sync-chunk-size";

export class SyncLeaseLostError extends Error {
  constructor() {
    super("Another process took over this sync run.");
    this.name = "SyncLeaseLostError";
  }
}

export interface SyncPageBatch {
  lease: { id: number; owner: string; now: number; leaseMs: number };
  organizationId: number;
  legs: readonly IncomingLeg[];
  rejected: readonly RejectedRecord[];
  /** Where the next page starts, after the last page of this batch. */
  checkpoint: { windowEnd: number; cursor: string | null; windowsDone: number };
  pages: number;
  itemsSeen: number;
  /** The run's requests, retries and working time so far (absolute). */
  usage: { requestCount: number; retryCount: number; busyMs: number };
}

/** One per run: how many rows an SQLite transaction writes (db/queries/sync-chunk-size.ts). */
export function createSyncChunkSizer(): ChunkSizer {
  return createChunkSizer(sqliteChunkRule);
}

/**
 * Stores a batch of pages and moves the run's checkpoint past them; rolls back (SyncLeaseLostError)
 * when this process no longer holds the run. PostgreSQL: one transaction. SQLite, whose transactions hold
 * the event loop from BEGIN to COMMIT: transactions of a few milliseconds with a yield between, the last
 * one moving the checkpoint; rows stored before a crash are only re-read and merged unchanged.
 */
export async function commitSyncPages(db: Db, batch: SyncPageBatch, sizer: ChunkSizer = createSyncChunkSizer()): Promise<UpsertCounts> {
  const legs = dedupeLegs(batch.legs);
  if (db.$engine === "postgres") {
    // One transaction, one statement: the loop is free while the server works. (100-row statements each
    // re-ran the voicemail-left link, which scans the organization's calls until PostgreSQL has statistics:
    // bench:sync fell from 74 to 22 calls/s with no gain for the loop.)
    return withTransaction(db, async (tx) => {
      const counts = await upsertCallRows(tx, batch.organizationId, legs, batch.lease.now);
      await moveCheckpoint(tx, batch, counts);
      return counts;
    });
  }

  const counts = { added: 0, updated: 0 };
  let start = 0;
  while (legs.length - start > sizer.rows()) {
    const chunk = legs.slice(start, start + sizer.rows());
    const started = performance.now();
    add(counts, await withTransaction(db, (tx) => writeRows(tx, batch, chunk)));
    sizer.record(chunk.length, performance.now() - started);
    start += chunk.length;
    await new Promise((resolve) => setImmediate(resolve));
  }
  const last = legs.slice(start);
  const started = performance.now();
  add(counts, await withTransaction(db, async (tx) => {
    const written = await upsertCallRows(tx, batch.organizationId, last, batch.lease.now);
    await moveCheckpoint(tx, batch, written);
    return written;
  }));
  sizer.record(last.length, performance.now() - started);
  requestWalCheckpoint(db);
  return counts;
}

function add(total: UpsertCounts, counts: UpsertCounts): void {
  total.added += counts.added;
  total.updated += counts.updated;
}

const leaseHeld = (batch: SyncPageBatch) =>
  and(
    eq(syncRuns.organizationId, batch.organizationId),
    eq(syncRuns.id, batch.lease.id),
    eq(syncRuns.leaseOwner, batch.lease.owner),
    eq(syncRuns.status, "running"),
  );

/** An SQLite step before the last: its rows and their counts, the checkpoint where it was. */
async function writeRows(tx: Db, batch: SyncPageBatch, legs: readonly IncomingLeg[]): Promise<UpsertCounts> {
  const counts = await upsertCallRows(tx, batch.organizationId, legs, batch.lease.now);
  const moved = await tx
    .update(syncRuns)
    .set({
      callsAdded: sql`${syncRuns.callsAdded} + ${counts.added}`,
      callsUpdated: sql`${syncRuns.callsUpdated} + ${counts.updated}`,
      leaseUntil: batch.lease.now + batch.lease.leaseMs,
      updatedAt: batch.lease.now,
    })
    .where(leaseHeld(batch))
    .returning({ id: syncRuns.id });
  if (moved.length !== 1) throw new SyncLeaseLostError();
  return counts;
}

/** The batch's quarantined records and the run's new checkpoint and totals; `counts` are the rows of this transaction. */
async function moveCheckpoint(tx: Db, batch: SyncPageBatch, counts: UpsertCounts): Promise<void> {
  const { lease, checkpoint } = batch;
  await quarantineRecords(tx, batch.organizationId, batch.rejected, { source: "poll", syncRunId: lease.id, now: lease.now });
  const moved = await tx
    .update(syncRuns)
    .set({
      windowEnd: checkpoint.windowEnd,
      cursor: checkpoint.cursor,
      windowsDone: checkpoint.windowsDone,
      pages: sql`${syncRuns.pages} + ${batch.pages}`,
      callsSeen: sql`${syncRuns.callsSeen} + ${batch.itemsSeen}`,
      callsAdded: sql`${syncRuns.callsAdded} + ${counts.added}`,
      callsUpdated: sql`${syncRuns.callsUpdated} + ${counts.updated}`,
      quarantined: sql`${syncRuns.quarantined} + ${batch.rejected.length}`,
      requestCount: batch.usage.requestCount,
      retryCount: batch.usage.retryCount,
      busyMs: batch.usage.busyMs,
      leaseUntil: lease.now + lease.leaseMs,
      updatedAt: lease.now,
    })
    .where(leaseHeld(batch))
    .returning({ id: syncRuns.id });
  if (moved.length !== 1) throw new SyncLeaseLostError();
}

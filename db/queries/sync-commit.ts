import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { syncRuns } from "@/db/schema";
import { requestWalCheckpoint } from "@/db/engines/sqlite-checkpointer";
import { withTransaction } from "@/db/transaction";
import { dedupeLegs, quarantineRecords, upsertCallRows, type IncomingLeg, type RejectedRecord, type UpsertCounts } from "./calls";

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

/**
 * Stores a batch of pages and moves the run's checkpoint past them in the same transaction, so a
 * crash leaves either all of it or none; rolls back (SyncLeaseLostError) when this process no
 * longer holds the run. Short: a few hundred to a few thousand rows.
 */
export async function commitSyncPages(db: Db, batch: SyncPageBatch): Promise<UpsertCounts> {
  const counts = await writeSyncPages(db, batch);
  requestWalCheckpoint(db);
  return counts;
}

async function writeSyncPages(db: Db, batch: SyncPageBatch): Promise<UpsertCounts> {
  const { lease, checkpoint } = batch;
  return withTransaction(db, async (tx) => {
    const counts = await upsertCallRows(tx, batch.organizationId, dedupeLegs(batch.legs), lease.now);
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
      .where(
        and(
          eq(syncRuns.organizationId, batch.organizationId),
          eq(syncRuns.id, lease.id),
          eq(syncRuns.leaseOwner, lease.owner),
          eq(syncRuns.status, "running"),
        ),
      )
      .returning({ id: syncRuns.id });
    if (moved.length !== 1) throw new SyncLeaseLostError();
    return counts;
  });
}

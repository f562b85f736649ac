import type Database from "better-sqlite3";
import type { Db } from "@/db/client";
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
  /** Retried requests so far in this run (absolute). */
  errorCount: number;
}

const advanceSql = `
UPDATE sync_runs SET window_end = ?, cursor = ?, windows_done = ?, pages = pages + ?, calls_seen = calls_seen + ?,
  calls_added = calls_added + ?, calls_updated = calls_updated + ?, quarantined = quarantined + ?, error_count = ?,
  lease_until = ?, updated_at = ?
WHERE id = ? AND lease_owner = ? AND status = 'running'`;

const advanceStatements = new WeakMap<Database.Database, Database.Statement<unknown[]>>();

/**
 * Stores a batch of pages and moves the run's checkpoint past them in the same transaction, so a
 * crash leaves either all of it or none; rolls back (SyncLeaseLostError) when this process no
 * longer holds the run. Synchronous and short (a few hundred rows).
 */
export function commitSyncPages(db: Db, batch: SyncPageBatch): UpsertCounts {
  const client = db.$client;
  let advance = advanceStatements.get(client);
  if (!advance) {
    advance = client.prepare<unknown[]>(advanceSql);
    advanceStatements.set(client, advance);
  }
  const { lease, checkpoint } = batch;
  const write = client.transaction((): UpsertCounts => {
    const counts = upsertCallRows(db, batch.organizationId, dedupeLegs(batch.legs), lease.now);
    quarantineRecords(db, batch.organizationId, batch.rejected, { source: "poll", syncRunId: lease.id, now: lease.now });
    const moved = advance.run(
      checkpoint.windowEnd, checkpoint.cursor, checkpoint.windowsDone, batch.pages, batch.itemsSeen, counts.added,
      counts.updated, batch.rejected.length, batch.errorCount, lease.now + lease.leaseMs, lease.now, lease.id, lease.owner,
    );
    if (moved.changes !== 1) throw new SyncLeaseLostError();
    return counts;
  });
  return write.immediate();
}

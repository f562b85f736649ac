import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { updateDialpadConnection } from "@/db/queries/dialpad-connections";
import { claimSyncRun, finishSyncRun, getSyncRun, renewSyncRunLease } from "@/db/queries/sync";
import { SyncLeaseLostError } from "@/db/queries/sync-commit";
import type { SyncRun } from "@/db/schema";
import type { DialpadClient } from "@/lib/integrations/dialpad/client";
import { createDialpadClientForOrganization } from "@/lib/services/dialpad-connection/client-for-organization";
import { refreshDialpadUsers } from "@/lib/services/mapping/refresh-dialpad-users";
import { describeSyncFailure } from "./describe-failure";
import { readRemainingPages, type CommitReport } from "./read-pages";
import { measureRunUsage } from "./run-usage";

export interface SyncRunOptions {
  createClient?: (db: Db, organizationId: number) => DialpadClient;
  /** How long a run stays locked to this process without a sign of life; renewed every third of it. */
  leaseMs?: number;
  /** Calls per request (Dialpad caps it at 100). */
  pageSize?: number;
  /** Rows per checkpoint (also moved after 250 ms); 1 moves it every page. Written in steps of a few ms (db/queries/sync-chunk-size.ts). */
  commitRows?: number;
  /** Attempts per page on top of the client's own retries; then the run fails and is resumed later. */
  maxPageAttempts?: number;
  pageRetryDelayMs?: number;
  /** Refresh the Dialpad user directory before reading calls (mapping needs new users). */
  refreshUsers?: boolean;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** After each committed batch, with the run's totals (progress output, tests). */
  onCommit?: (report: CommitReport) => void | Promise<void>;
}

export const defaultLeaseMs = 60_000;
const processTag = randomUUID().slice(0, 8);

/**
 * Claims the run (a fresh one, a failed one being resumed, or one whose process died) and reads it to
 * the end. Returns the run as stored afterwards, or undefined when another process holds it.
 */
export async function executeSyncRun(
  db: Db,
  { organizationId, runId }: { organizationId: number; runId: number },
  options: SyncRunOptions = {},
): Promise<SyncRun | undefined> {
  const now = options.now ?? Date.now;
  const leaseMs = options.leaseMs ?? defaultLeaseMs;
  const owner = `${processTag}:${randomUUID()}`;
  const run = await claimSyncRun(db, { organizationId, id: runId, owner, now: now(), leaseMs });
  if (!run) return undefined;

  let isLeaseLost = false;
  const heartbeat = setInterval(() => {
    renewSyncRunLease(db, { organizationId, id: runId, owner, now: now(), leaseMs })
      .then((isHeld) => {
        if (!isHeld) isLeaseLost = true;
      })
      .catch(() => undefined);
  }, Math.max(50, Math.floor(leaseMs / 3)));
  heartbeat.unref();

  const client = (options.createClient ?? createDialpadClientForOrganization)(db, run.organizationId);
  const tally = { pageRetries: 0 };
  try {
    if (options.refreshUsers ?? true) await refreshUsersQuietly(db, run.organizationId, client);
    await readRemainingPages(db, run, {
      client,
      owner,
      leaseMs,
      pageSize: options.pageSize ?? 100,
      // Rows a checkpoint (bench:sync): on PostgreSQL 500 rows kept the rate of 2,000 (61% of the raw limit).
      commitRows: options.commitRows ?? (db.$engine === "sqlite" ? 200 : 500),
      maxPageAttempts: options.maxPageAttempts ?? 4,
      pageRetryDelayMs: options.pageRetryDelayMs ?? 5_000,
      now,
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      isLeaseLost: () => isLeaseLost,
      tally,
      onCommit: options.onCommit,
    });
    const usage = measureRunUsage(run, client.stats(), tally, now());
    const finished = await finishSyncRun(db, { organizationId, id: runId, owner }, { status: "succeeded", errorMessage: null, isRetryable: false, errorCount: run.errorCount, usage, now: now() });
    if (finished) await updateDialpadConnection(db, run.organizationId, { lastSyncAt: now() });
  } catch (error) {
    // Taken over or stopped (disconnect): the new holder owns the row now.
    if (!(error instanceof SyncLeaseLostError)) {
      const failure = describeSyncFailure(error);
      const detail = error instanceof Error ? `${error.name || "Error"}: ${error.message}` : typeof error;
      console.error(`[sync] run ${runId} (organization ${run.organizationId}) failed: ${detail}`);
      // Retries that got through are counted apart (retry_count); only the failure that stopped the run is an error.
      const usage = measureRunUsage(run, client.stats(), tally, now());
      await finishSyncRun(db, { organizationId, id: runId, owner }, { status: "failed", errorMessage: failure.message, isRetryable: failure.isRetryable, errorCount: run.errorCount + 1, usage, now: now() });
    }
  } finally {
    clearInterval(heartbeat);
  }
  return getSyncRun(db, organizationId, runId);
}

async function refreshUsersQuietly(db: Db, organizationId: number, client: DialpadClient): Promise<void> {
  try {
    await refreshDialpadUsers(db, organizationId, client);
  } catch (error) {
    // The calls listing reports the same trouble (or succeeds); mapping tries again next run.
    const detail = error instanceof Error ? error.name : typeof error;
    console.warn(`[sync] Dialpad user refresh failed for organization ${organizationId}: ${detail}`);
  }
}

import type { Db } from "@/db/client";
import { enqueueJobQuietly } from "@/lib/jobs/enqueue";
import { executeSyncRun, type SyncRunOptions } from "./execute-sync-run";

/**
 * Starts a claimed-or-claimable run as a "sync-run" job (lib/jobs): in this process on SQLite, on
 * any worker on PostgreSQL. If its process stops first (a redeploy, a serverless function freezing),
 * the run's lease lapses and the next tick or cron call resumes it from its checkpoint. Tests pass
 * `options` (a fake Dialpad client cannot travel through a queue): the run then stays in this process.
 */
export function launchSyncRun(
  db: Db,
  run: { organizationId: number; runId: number },
  options?: SyncRunOptions,
  before?: () => Promise<void>,
): void {
  if (!options) {
    enqueueJobQuietly(db, "sync-run", run);
    return;
  }
  void (async () => {
    if (before) await before();
    await executeSyncRun(db, run, options);
  })().catch((error: unknown) => {
    const detail = error instanceof Error ? `${error.name || "Error"}: ${error.message}` : typeof error;
    console.error(`[sync] run ${run.runId} stopped unexpectedly: ${detail}`);
  });
}

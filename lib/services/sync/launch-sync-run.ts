import type { Db } from "@/db/client";
import { executeSyncRun, type SyncRunOptions } from "./execute-sync-run";

/**
 * Runs a claimed-or-claimable run in the background of this process. If the process stops first
 * (a redeploy, a serverless function freezing), the run's lease lapses and the next scheduler tick
 * or cron call resumes it from its checkpoint.
 */
export function launchSyncRun(db: Db, runId: number, options?: SyncRunOptions, before?: () => Promise<void>): void {
  void (async () => {
    if (before) await before();
    await executeSyncRun(db, runId, options);
  })().catch((error: unknown) => {
    const detail = error instanceof Error ? `${error.name || "Error"}: ${error.message}` : typeof error;
    console.error(`[sync] run ${runId} stopped unexpectedly: ${detail}`);
  });
}

import type { Db } from "@/db/client";
import { deleteOrganizationCallData } from "@/db/queries/calls";
import { saveSyncMark, stopRunningSyncRun } from "@/db/queries/sync";
import { deleteOrganizationWebhookEvents } from "@/db/queries/webhook-inbox";
import type { SyncRunOptions } from "./execute-sync-run";
import { launchSyncRun } from "./launch-sync-run";
import { prepareNextRun } from "./plan-run";
import { registerDialpadWebhook, unregisterDialpadWebhook } from "./webhook-registration";

/**
 * After a connect or reconnect: records the run to do (first backfill, or the unfinished one), then
 * registers the webhook and reads calls in the background, so the OAuth callback returns at once.
 */
export async function startSyncAfterConnect(
  db: Db,
  organizationId: number,
  options: { now?: number; runOptions?: SyncRunOptions } = {},
): Promise<number | null> {
  const next = await prepareNextRun(db, organizationId, { trigger: "connect", now: options.now ?? Date.now() });
  const runId = "run" in next ? next.run.id : null;
  const register = () => registerWebhookQuietly(db, organizationId);
  // The "sync-run" job registers a missing webhook itself before it reads calls.
  if (runId !== null) launchSyncRun(db, { organizationId, runId }, options.runOptions, register);
  else void register();
  return runId;
}

/** Before the tokens are revoked: stop the running sync and remove the webhook at Dialpad. */
export async function stopSyncBeforeDisconnect(db: Db, organizationId: number, options: { now?: number } = {}): Promise<void> {
  const now = options.now ?? Date.now();
  await stopRunningSyncRun(db, organizationId, "Dialpad was disconnected, so this sync stopped. Reconnect Dialpad to continue it.", now);
  await unregisterDialpadWebhook(db, organizationId, { now });
}

/**
 * After the tokens are gone: delete the synced calls if the admin chose to. Run history is kept, but
 * marked as covering nothing any more (marked first: a crash then costs a re-read, never missing calls).
 */
export async function cleanUpSyncAfterDisconnect(
  db: Db,
  organizationId: number,
  options: { deleteCallData: boolean; now?: number },
): Promise<void> {
  if (!options.deleteCallData) return;
  const now = options.now ?? Date.now();
  await saveSyncMark(db, organizationId, { callDataDeletedAt: now }, now);
  await deleteOrganizationWebhookEvents(db, organizationId);
  await deleteOrganizationCallData(db, organizationId);
}

export async function registerWebhookQuietly(db: Db, organizationId: number): Promise<void> {
  try {
    await registerDialpadWebhook(db, organizationId);
  } catch (error) {
    // Polling still brings every call in; the scheduler tries the registration again before its next run.
    const detail = error instanceof Error ? `${error.name || "Error"}: ${error.message}` : typeof error;
    console.warn(`[sync] webhook registration failed for organization ${organizationId}: ${detail}`);
  }
}

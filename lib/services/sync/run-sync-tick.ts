import type { Db } from "@/db/client";
import { getDialpadConnection, listConnectedOrganizationIds } from "@/db/queries/dialpad-connections";
import { deleteProcessedWebhookEvents, listOrganizationsWithPendingWebhooks } from "@/db/queries/webhook-inbox";
import { isQueueBacked } from "@/lib/jobs/definitions";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { queueDueRetention } from "@/lib/services/privacy/queue-due-retention";
import { scheduleScoreDrainIfQueued } from "@/lib/services/scores/schedule-score-drain";
import { registerWebhookQuietly } from "./connection-lifecycle";
import { defaultLeaseMs, executeSyncRun, type SyncRunOptions } from "./execute-sync-run";
import { prepareNextRun } from "./plan-run";
import { processWebhookInbox } from "./process-webhook-inbox";

export interface TickOptions {
  now?: () => number;
  runOptions?: SyncRunOptions;
  /**
   * Runs the due syncs here and waits for them (SQLite's cron route, tests). Otherwise each becomes a
   * "sync-run" job (lib/jobs): in this process on SQLite, on any worker on PostgreSQL.
   */
  awaitRuns?: boolean;
  /** Events left unprocessed this long after arrival are picked up by the sweeper. */
  sweepAfterMs?: number;
}

export interface TickSummary {
  /** Runs started here, or queued as jobs. */
  runsStarted: number;
  webhookEventsSwept: number;
}

const inboxRetentionMs = 7 * 24 * 3_600_000;

/** One pass of the scheduler: sweep the webhook inbox, then start or resume each organization's due run. */
export async function runSyncTick(db: Db, options: TickOptions = {}): Promise<TickSummary> {
  const now = options.now ?? Date.now;
  let webhookEventsSwept = 0;
  for (const organizationId of await listOrganizationsWithPendingWebhooks(db, now() - (options.sweepAfterMs ?? 10_000))) {
    webhookEventsSwept += (await processWebhookInbox(db, organizationId)).events;
  }
  await deleteProcessedWebhookEvents(db, now() - inboxRetentionMs);
  // Once a day per organization: delete what is older than the privacy settings keep (issue 18).
  await queueDueRetention(db, now());

  const runs: Promise<unknown>[] = [];
  let runsQueued = 0;
  for (const organizationId of await listConnectedOrganizationIds(db)) {
    // A worker killed mid-drain leaves its claimed score work until its job expires (30 min) or a page is read.
    if (isQueueBacked(db)) await scheduleScoreDrainIfQueued(db, organizationId);
    const next = await prepareNextRun(db, organizationId, { trigger: "schedule", now: now() });
    if (!("run" in next)) continue;
    const runId = next.run.id;
    if (!options.awaitRuns && !options.runOptions) {
      // A running run whose lease lapsed was left by a dead process: its job, if still active, is retried.
      // So is one never claimed a lease length after it became active (its worker died before claiming).
      const isActiveStale =
        next.run.status === "running" && (next.run.leaseUntil !== null || next.run.activeSince < now() - defaultLeaseMs);
      if (await enqueueJob(db, "sync-run", { organizationId, runId }, { isActiveStale })) runsQueued++;
      continue;
    }
    runs.push(
      (async () => {
        const connection = await getDialpadConnection(db, organizationId);
        if (connection && (!connection.webhookId || !connection.subscriptionId)) await registerWebhookQuietly(db, organizationId);
        await executeSyncRun(db, { organizationId, runId }, options.runOptions);
      })(),
    );
  }
  const settled = Promise.allSettled(runs).then((results) => {
    for (const result of results) {
      if (result.status === "rejected") console.error(`[sync] scheduled run failed: ${String(result.reason)}`);
    }
  });
  if (options.awaitRuns) await settled;
  return { runsStarted: runs.length + runsQueued, webhookEventsSwept };
}

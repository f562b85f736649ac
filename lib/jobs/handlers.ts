// What each job does: one service call. Loaded lazily by the runners (services import lib/jobs to enqueue).
import type { Db } from "@/db/client";
import { getDialpadConnection } from "@/db/queries/dialpad-connections";
import { purgeExpiredData } from "@/lib/services/privacy/purge-expired-data";
import { drainScoreQueue } from "@/lib/services/scores/drain-score-queue";
import { registerWebhookQuietly } from "@/lib/services/sync/connection-lifecycle";
import { executeSyncRun } from "@/lib/services/sync/execute-sync-run";
import { processWebhookInbox } from "@/lib/services/sync/process-webhook-inbox";
import { runSyncTick } from "@/lib/services/sync/run-sync-tick";
import type { JobName, JobPayload } from "./definitions";

export type JobHandlers = { [N in JobName]: (db: Db, payload: JobPayload<N>) => Promise<void> };

export const jobHandlers: JobHandlers = {
  "sync-run": async (db, { organizationId, runId }) => {
    const connection = await getDialpadConnection(db, organizationId);
    if (connection && (!connection.webhookId || !connection.subscriptionId)) await registerWebhookQuietly(db, organizationId);
    // A failed run records its own failure (and is resumed by the tick when transient); only a crash retries the job.
    await executeSyncRun(db, { organizationId, runId });
  },
  "webhook-inbox": async (db, { organizationId }) => {
    await processWebhookInbox(db, organizationId);
  },
  "score-drain": async (db, { organizationId }) => {
    await drainScoreQueue(db, organizationId);
  },
  "sync-tick": async (db) => {
    await runSyncTick(db);
  },
  "privacy-retention": async (db, { organizationId }) => {
    await purgeExpiredData(db, organizationId);
  },
};

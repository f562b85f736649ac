import type { Db } from "@/db/client";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { processWebhookInbox } from "./process-webhook-inbox";

/**
 * After a webhook's 200 (inside Next's after(), so a serverless function lives until this ends):
 * applies the organization's inbox here. If that fails, a "webhook-inbox" job retries it with
 * backoff on a worker (or the next cron call); the tick's sweeper remains the last resort.
 */
export async function applyWebhookEventsNow(db: Db, organizationId: number): Promise<void> {
  try {
    await processWebhookInbox(db, organizationId);
  } catch (error) {
    console.error(`[webhook] processing failed, queued for a retry: ${error instanceof Error ? error.name : typeof error}`);
    await enqueueJob(db, "webhook-inbox", { organizationId });
  }
}

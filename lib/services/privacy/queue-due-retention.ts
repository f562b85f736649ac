import type { Db } from "@/db/client";
import { listOrganizationsDueForRetention } from "@/db/queries/privacy-retention";
import { enqueueJob } from "@/lib/jobs/enqueue";

const dayMs = 86_400_000;

/** Called by the scheduler's tick: queues the retention job of every organization whose last pass is a day old. */
export async function queueDueRetention(db: Db, now: number = Date.now()): Promise<number> {
  let queued = 0;
  for (const organizationId of await listOrganizationsDueForRetention(db, now - dayMs)) {
    if (await enqueueJob(db, "privacy-retention", { organizationId })) queued++;
  }
  return queued;
}

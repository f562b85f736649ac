import type { Db } from "@/db/client";
import { isQueueBacked } from "@/lib/jobs/definitions";
import { workDueJobs, type DueJobsSummary } from "@/lib/jobs/work-due-jobs";
import { runSyncTick, type TickOptions, type TickSummary } from "./run-sync-tick";

export type CronSummary = TickSummary & { jobs?: DueJobsSummary };

/**
 * What one /api/cron/sync call does. PostgreSQL: a tick queues the due syncs, then this function works
 * every queue (syncs, webhook inboxes, score drains) until nothing is due, starting no job after
 * `startUntil` and returning by `returnBy`. SQLite: the tick runs the due syncs here and waits for them.
 */
export async function runCronPass(db: Db, budget: { startUntil: number; returnBy: number }, options: TickOptions = {}): Promise<CronSummary> {
  if (!isQueueBacked(db)) return runSyncTick(db, { ...options, awaitRuns: true });
  const tick = await runSyncTick(db, options);
  const jobs = await workDueJobs(db, budget);
  return { ...tick, jobs };
}

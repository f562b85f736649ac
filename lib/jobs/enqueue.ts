// The one way services start background work; they never learn which engine runs it.
import type { Db } from "@/db/client";
import { getJobQueue, sendJob } from "@/db/jobs/job-queue";
import { jobDefinitions, queueSpecs, scoreDrainTiming, singletonKeyOf, type JobName, type JobPayload } from "./definitions";
import { runJobInProcess } from "./run-in-process";
import { isJobWorkerProcess, startJobWorker } from "./worker";

export interface EnqueueOptions {
  /** sync-run: the run's lease lapsed, so an active job for it belongs to a dead process and is retried now. */
  isActiveStale?: boolean;
}

/**
 * SQLite: runs the job in this process after the caller returns. PostgreSQL: queues it in pg-boss
 * (one per organization and queue while one waits), worked by any worker process; this process
 * starts working too unless it only enqueues (Vercel, DAYMARK_DISABLE_SCHEDULER=1). Resolves to
 * false when an equal job was already waiting or running.
 */
export function enqueueJob<N extends JobName>(db: Db, name: N, payload: JobPayload<N>, options: EnqueueOptions = {}): Promise<boolean> {
  // Synchronous on SQLite, so callers that do not await (and fake timers in tests) see the timer at once.
  if (db.$engine !== "postgres") {
    runJobInProcess(db, name, payload);
    return Promise.resolve(true);
  }
  return enqueuePostgres(db, name, payload, options);
}

async function enqueuePostgres<N extends JobName>(db: Db, name: N, payload: JobPayload<N>, options: EnqueueOptions): Promise<boolean> {
  const boss = await getJobQueue(db, queueSpecs);
  if (isJobWorkerProcess()) void startJobWorker(db);
  const definition = jobDefinitions[name];
  return sendJob(boss, name, payload, {
    singletonKey: singletonKeyOf(name, payload),
    isExclusive: definition.isExclusive,
    isActiveStale: options.isActiveStale,
    startAfterSeconds: name === "score-drain" ? Math.ceil(scoreDrainTiming.quietMs / 1_000) : 0,
  });
}

/** Fire-and-forget form for hot paths (after each stored page): a failed send is logged, the tick catches up. */
export function enqueueJobQuietly<N extends JobName>(db: Db, name: N, payload: JobPayload<N>, options?: EnqueueOptions): void {
  enqueueJob(db, name, payload, options).catch((error: unknown) => {
    const detail = error instanceof Error ? `${error.name || "Error"}: ${error.message}` : typeof error;
    console.error(`[jobs] could not queue ${name} ${JSON.stringify(payload)}: ${detail}`);
  });
}

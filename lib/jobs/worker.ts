// Working PostgreSQL jobs in this process: `npm run worker`, and web processes with the scheduler on.
import type { Db } from "@/db/client";
import { completeJob, failJob, getJobQueue, stopJobQueue, workQueue, type QueuedJob } from "@/db/jobs/job-queue";
import { getEnv } from "@/lib/env";
import { jobDefinitions, jobNames, jobPayloadSchemas, queueSpecs, type JobName } from "./definitions";
import type { JobHandlers } from "./handlers";
import { loadJobHandlers } from "./load-handlers";

/** False on Vercel and with DAYMARK_DISABLE_SCHEDULER=1: such a process only queues jobs (cron works them). */
export function isJobWorkerProcess(): boolean {
  const env = getEnv();
  return env.DAYMARK_DISABLE_SCHEDULER !== "1" && !env.VERCEL;
}

const workerKey = Symbol.for("daymark.jobs.worker");
type WithWorker = { [workerKey]?: Promise<void> };

/**
 * Starts polling every queue on this handle (once per process and handle). Each queue gets its
 * definition's concurrency; pg-boss hands a job to one worker in the whole deployment.
 */
export function startJobWorker(db: Db, options: { handlers?: Partial<JobHandlers>; pollingIntervalSeconds?: number } = {}): Promise<void> {
  if (db.$engine !== "postgres") return Promise.resolve();
  const holder = db as unknown as WithWorker;
  if (!holder[workerKey]) {
    const started = (async () => {
      const boss = await getJobQueue(db, queueSpecs);
      const handlers = { ...(await loadJobHandlers()), ...options.handlers } as JobHandlers;
      for (const name of jobNames) {
        for (let i = 0; i < jobDefinitions[name].concurrency; i++) {
          await workQueue(boss, name, (job) => runQueuedJob(db, handlers, job), options.pollingIntervalSeconds);
        }
      }
    })();
    Object.defineProperty(holder, workerKey, { value: started, configurable: true });
    started.catch((error: unknown) => {
      delete holder[workerKey];
      console.error(`[jobs] the worker did not start: ${error instanceof Error ? error.message : String(error)}`);
    });
  }
  return holder[workerKey]!;
}

/** Stops polling; running jobs get `timeoutMs` to finish, then are failed and retried by another worker. */
export async function stopJobWorker(db: Db, options: { timeoutMs?: number } = {}): Promise<void> {
  delete (db as unknown as WithWorker)[workerKey];
  await stopJobQueue(db, options);
}

/** Runs one fetched job through its handler; throws (so pg-boss retries it) when the handler does. */
export async function runQueuedJob(db: Db, handlers: JobHandlers, job: QueuedJob): Promise<void> {
  const name = job.name as JobName;
  const payload = jobPayloadSchemas[name].parse(job.data);
  await (handlers[name] as (db: Db, payload: unknown) => Promise<void>)(db, payload);
}

export { completeJob, failJob };

// Serverless hosts run no worker: the cron route works the queues itself for a bounded time.
import type { Db } from "@/db/client";
import { completeJob, failJob, fetchJobs, getJobQueue, maintainJobs, type QueuedJob } from "@/db/jobs/job-queue";
import { jobDefinitions, jobNames, queueSpecs, type JobName } from "./definitions";
import type { JobHandlers } from "./handlers";
import { loadJobHandlers } from "./load-handlers";
import { runQueuedJob } from "./worker";

export interface DueJobsSummary {
  completed: number;
  failed: number;
  /** Still running when the time was up: the function's end stops them; their sync lease lapses and the next call resumes them. */
  leftRunning: number;
  byName: Partial<Record<JobName, number>>;
}

export interface DueJobsBudget {
  /** No job starts after this instant (epoch ms). */
  startUntil: number;
  /** Returns at this instant at the latest, whatever still runs. */
  returnBy: number;
  now?: () => number;
  handlers?: Partial<JobHandlers>;
  pollMs?: number;
}

/** Fetches and runs due jobs of every queue (each queue up to its concurrency) until none is due or the budget ends. */
export async function workDueJobs(db: Db, budget: DueJobsBudget): Promise<DueJobsSummary> {
  const now = budget.now ?? Date.now;
  const summary: DueJobsSummary = { completed: 0, failed: 0, leftRunning: 0, byName: {} };
  if (db.$engine !== "postgres") return summary;
  const boss = await getJobQueue(db, queueSpecs);
  // A job whose function was cut off is retried once it expires; nothing else checks expiry on Vercel.
  await maintainJobs(boss);
  const handlers = { ...(await loadJobHandlers()), ...budget.handlers } as JobHandlers;
  const running = new Map<QueuedJob, Promise<void>>();
  const runningOf = (name: JobName) => [...running.keys()].filter((job) => job.name === name).length;

  const start = (job: QueuedJob) => {
    const name = job.name as JobName;
    summary.byName[name] = (summary.byName[name] ?? 0) + 1;
    const done = runQueuedJob(db, handlers, job)
      .then(() => completeJob(boss, job).then(() => void summary.completed++))
      .catch((error: unknown) => failJob(boss, job, error).then(() => void summary.failed++))
      .catch((error: unknown) => console.error(`[jobs] could not record the end of ${job.name} ${job.id}: ${String(error)}`))
      .finally(() => running.delete(job));
    running.set(job, done);
  };

  while (now() < budget.startUntil) {
    let fetched = 0;
    for (const name of jobNames) {
      const free = jobDefinitions[name].concurrency - runningOf(name);
      // A score drain's delay only coalesces a backfill's pages; here, nothing else would run it later.
      const jobs = free > 0 ? await fetchJobs(boss, name, free, { ignoreStartAfter: name === "score-drain" }) : [];
      for (const job of jobs) start(job);
      fetched += jobs.length;
    }
    if (fetched === 0 && running.size === 0) break;
    // Running jobs queue more (a sync's pages queue score drains): look again when one ends, or soon.
    await Promise.race([...running.values(), sleep(budget.pollMs ?? 1_000)]);
  }
  const remaining = budget.returnBy - now();
  if (running.size > 0 && remaining > 0) await Promise.race([Promise.allSettled(running.values()), sleep(remaining)]);
  summary.leftRunning = running.size;
  return summary;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

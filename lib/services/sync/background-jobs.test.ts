import { afterEach, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, type Db } from "@/db/client";
import { countJobsByState, expireJobs, fetchJobs, getJobQueue, sendJob } from "@/db/jobs/job-queue";
import { queueSpecs } from "@/lib/jobs/definitions";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { workDueJobs } from "@/lib/jobs/work-due-jobs";
import { resetEnvCache } from "@/lib/env";
import { startJobWorker } from "@/lib/jobs/worker";
import { drainTiming } from "@/lib/services/scores/schedule-score-drain";
import { linkEmployee, MIN, readDays, storeLegs, utc } from "@/lib/services/scores/testing";
import { createEmployee, createOrganization } from "@/tests/factories";
import { createTestDb, testDatabaseUrl } from "@/tests/db";
import { waitFor } from "@/tests/wait-for";

const isPostgres = process.env.DATABASE_URL?.startsWith("postgres") ?? false;
const handles: Db[] = [];
const savedTiming = { ...drainTiming };

afterEach(async () => {
  Object.assign(drainTiming, savedTiming);
  delete process.env.DAYMARK_DISABLE_SCHEDULER;
  resetEnvCache();
  for (const handle of handles.splice(0)) await closeDatabase(handle);
});

/** Another process's connection to the same database: its own pool, its own pg-boss. */
function secondHandle(db: Db): Db {
  const handle = openDatabase(testDatabaseUrl(db));
  handles.push(handle);
  return handle;
}

describe("enqueueJob", () => {
  it("runs a score drain in the background, without the caller knowing the engine", async () => {
    Object.assign(drainTiming, { quietMs: 0, maxWaitMs: 0 });
    const db = await createTestDb();
    const organization = await createOrganization(db);
    const employee = await createEmployee(db, organization);
    await linkEmployee(db, employee, "u");
    const at = utc("2026-03-10T15:00:00Z");
    await storeLegs(db, organization.id, [{ dialpadCallId: "1", dialpadUserId: "u", startedAt: at, connectedAt: at, endedAt: at + 5 * MIN }]);

    await enqueueJob(db, "score-drain", { organizationId: organization.id });

    const days = await waitFor(async () => {
      const rows = await readDays(db, employee);
      return rows.length > 0 ? rows : undefined;
    }, { what: "the drain job's scores" });
    expect(days!.map((day) => day.talkMs / MIN)).toEqual([5]);
  });
});

describe.runIf(isPostgres)("pg-boss jobs", () => {
  it("two workers never run two syncs of one organization at once, and every organization's syncs run", async () => {
    const db = await createTestDb();
    const workers = [secondHandle(db), secondHandle(db)];
    const active = new Map<number, number>();
    const most = new Map<number, number>();
    const runs = new Map<number, number>();
    const syncRun = async (_db: Db, { organizationId }: { organizationId: number }) => {
      active.set(organizationId, (active.get(organizationId) ?? 0) + 1);
      most.set(organizationId, Math.max(most.get(organizationId) ?? 0, active.get(organizationId)!));
      await new Promise((resolve) => setTimeout(resolve, 150));
      active.set(organizationId, active.get(organizationId)! - 1);
      runs.set(organizationId, (runs.get(organizationId) ?? 0) + 1);
    };
    for (const worker of workers) await startJobWorker(worker, { handlers: { "sync-run": syncRun }, pollingIntervalSeconds: 0.5 });

    // Both processes keep asking for syncs of organizations 1 and 2 until each ran three times.
    await waitFor(async () => {
      await Promise.all(
        workers.flatMap((worker) => [1, 2].map((organizationId) => enqueueJob(worker, "sync-run", { organizationId, runId: 1 }))),
      );
      return (runs.get(1) ?? 0) >= 3 && (runs.get(2) ?? 0) >= 3 ? true : undefined;
    }, { what: "three syncs of each organization", timeoutMs: 60_000, intervalMs: 100 });

    expect([most.get(1), most.get(2)]).toEqual([1, 1]);
  });

  it("retries a job whose worker took it and was never heard of again", async () => {
    const db = await createTestDb();
    const [gone, alive] = [secondHandle(db), secondHandle(db)];
    const goneQueue = await getJobQueue(gone, queueSpecs);
    expect(await sendJob(goneQueue, "sync-run", { organizationId: 7, runId: 3 }, { singletonKey: "organization:7", expireInSeconds: 1, retryDelaySeconds: 1 })).toBe(true);
    // The first worker takes the job, then its process dies: nobody completes or fails it.
    expect((await fetchJobs(goneQueue, "sync-run")).map((job) => job.data)).toEqual([{ organizationId: 7, runId: 3 }]);

    const handled: unknown[] = [];
    await startJobWorker(alive, { handlers: { "sync-run": async (_db, payload) => void handled.push(payload) }, pollingIntervalSeconds: 0.5 });
    const aliveQueue = await getJobQueue(alive, queueSpecs);
    await waitFor(async () => {
      await expireJobs(aliveQueue);
      return handled.length > 0 ? true : undefined;
    }, { what: "the expired job's retry", timeoutMs: 60_000, intervalMs: 500 });

    expect(handled).toEqual([{ organizationId: 7, runId: 3 }]);
    expect(await waitFor(async () => ((await countJobsByState(db, "sync-run")).completed === 1 ? countJobsByState(db, "sync-run") : undefined), { what: "the job completed" })).toEqual({ completed: 1 });
  });

  it("a cron pass starts no job after its start bound and returns by its return bound, leaving slow jobs running", async () => {
    // As on Vercel: this process only queues; the cron pass is the only worker.
    process.env.DAYMARK_DISABLE_SCHEDULER = "1";
    resetEnvCache();
    const db = await createTestDb();
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const started: number[] = [];
    const syncRun = async (_db: Db, { organizationId }: { organizationId: number }) => {
      started.push(organizationId);
      await released;
    };
    expect(await enqueueJob(db, "sync-run", { organizationId: 1, runId: 1 })).toBe(true);
    expect(await enqueueJob(db, "sync-run", { organizationId: 2, runId: 2 })).toBe(true);
    expect(await enqueueJob(db, "sync-run", { organizationId: 1, runId: 1 })).toBe(false);

    const now = Date.now();
    const summary = await workDueJobs(db, { startUntil: now + 1_000, returnBy: now + 2_000, handlers: { "sync-run": syncRun } });

    expect(summary).toEqual({ completed: 0, failed: 0, leftRunning: 2, byName: { "sync-run": 2 } });
    expect(started.sort()).toEqual([1, 2]);
    release();
    const late = await workDueJobs(db, { startUntil: now, returnBy: now, handlers: { "sync-run": syncRun } });
    expect(late).toEqual({ completed: 0, failed: 0, leftRunning: 0, byName: {} });
  });

  it("a sync whose lease lapsed gets its active job retried instead of a second job queued behind it", async () => {
    process.env.DAYMARK_DISABLE_SCHEDULER = "1";
    resetEnvCache();
    const db = await createTestDb();
    const gone = secondHandle(db);
    expect(await enqueueJob(gone, "sync-run", { organizationId: 4, runId: 9 })).toBe(true);
    expect(await fetchJobs(await getJobQueue(gone, queueSpecs), "sync-run")).toHaveLength(1);

    // While the job is active a new send queues nothing; once the tick knows its process is gone, it retries the job.
    expect(await enqueueJob(db, "sync-run", { organizationId: 4, runId: 9 })).toBe(false);
    expect(await countJobsByState(db, "sync-run")).toEqual({ active: 1 });
    expect(await enqueueJob(db, "sync-run", { organizationId: 4, runId: 9 }, { isActiveStale: true })).toBe(false);
    expect(await countJobsByState(db, "sync-run")).toEqual({ retry: 1 });
  });
});

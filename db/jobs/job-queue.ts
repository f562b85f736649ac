// The PostgreSQL side of lib/jobs: pg-boss 10 (11+ needs Node 22) in its own schema, on the handle's
// own pool. It lives in db/ because it is a PostgreSQL client: lint keeps pg-* packages out of
// app/lib/components, and lib/jobs sees only the functions below.
import PgBoss from "pg-boss";
import type { Db } from "../client";
import { getPostgresPool } from "../engines/postgres";
import { queryRows } from "../engines/raw";
import { sql } from "drizzle-orm";

export const jobSchema = "pgboss";

export interface QueueSpec {
  name: string;
  /** stately: at most one queued and one active job per singleton key; short: at most one queued. */
  policy: "stately" | "short" | "standard";
  retryLimit: number;
  retryDelaySeconds: number;
  expireInSeconds: number;
}

export interface QueuedJob {
  id: string;
  name: string;
  data: unknown;
}

export interface SendOptions {
  singletonKey: string;
  startAfterSeconds?: number;
  expireInSeconds?: number;
  retryDelaySeconds?: number;
  /** Send nothing while the key has a queued, retrying or active job (see sendUnlessLive). */
  isExclusive?: boolean;
  /** With isExclusive: an active job of the key is known dead (its sync lease lapsed); fail it so it is retried. */
  isActiveStale?: boolean;
}

// On the handle itself, as the pool is: Next bundles server actions separately, and each bundle's
// module copy must find the one pg-boss instance of the process's handle.
const bossKey = Symbol.for("daymark.jobs.pgBoss");
const closedKey = Symbol.for("daymark.jobs.closed");
type WithBoss = { [bossKey]?: Promise<PgBoss>; [closedKey]?: true };

/** The handle's pg-boss, started (schema installed, queues created) once per process. */
export function getJobQueue(db: Db, queues: readonly QueueSpec[]): Promise<PgBoss> {
  const holder = db as unknown as WithBoss;
  // A late send (a background drain finishing) after closeDatabase must not start a new pg-boss
  // on a pool that is ending: its workers would fail jobs through the ended pool.
  if (holder[closedKey]) return Promise.reject(new Error("The database handle is closed: no jobs can be sent on it."));
  if (!holder[bossKey]) {
    const started = startBoss(db, queues);
    Object.defineProperty(holder, bossKey, { value: started, configurable: true });
    started.catch(() => delete holder[bossKey]);
  }
  return holder[bossKey]!;
}

// pg-boss's types promise rows, but its completion commands read a missing result as "0 changed".
const noResult = null as unknown as { rows: unknown[] };

async function startBoss(db: Db, queues: readonly QueueSpec[]): Promise<PgBoss> {
  const pool = getPostgresPool(db);
  const boss = new PgBoss({
    schema: jobSchema,
    // pg-boss 10 completes or fails a job without awaiting it: once closeDatabase has ended the pool, a
    // handler still finishing would reject unhandled. So a query on an ending pool answers "no result"
    // (pg-boss reads that as 0 jobs changed); the job stays active until it expires and is retried, as
    // for a process that died.
    db: { executeSql: (text, values) => pool.query(text, values).catch((error: unknown) => (pool.ending ? noResult : Promise.reject(error))) },
    schedule: false,
    supervise: true,
    maintenanceIntervalSeconds: 30,
  });
  boss.on("error", (error) => console.error(`[jobs] pg-boss: ${error.message}`));
  await boss.start();
  const existing = new Set((await boss.getQueues()).map((queue) => queue.name));
  for (const queue of queues) {
    const options = {
      name: queue.name,
      policy: queue.policy,
      retryLimit: queue.retryLimit,
      retryDelay: queue.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: queue.expireInSeconds,
    };
    if (existing.has(queue.name)) await boss.updateQueue(queue.name, options);
    else await createQueueOnce(boss, queue.name, options);
  }
  return boss;
}

async function createQueueOnce(boss: PgBoss, name: string, options: PgBoss.Queue): Promise<void> {
  try {
    await boss.createQueue(name, options);
  } catch (error) {
    // Another process created it between our look and our create.
    if ((await boss.getQueue(name)) === null) throw error;
  }
}

/** For closeDatabase: stops the handle's pg-boss for good; a send after this is refused. */
export async function closeJobQueue(db: Db): Promise<void> {
  if (db.$engine !== "postgres") return;
  Object.defineProperty(db, closedKey, { value: true, configurable: true });
  await stopJobQueue(db);
}

/** Stops the handle's pg-boss if it was started: running handlers finish up to `timeoutMs`, the rest are failed (retried later). */
export async function stopJobQueue(db: Db, options: { timeoutMs?: number } = {}): Promise<void> {
  if (db.$engine !== "postgres") return;
  const holder = db as unknown as WithBoss;
  const started = holder[bossKey];
  if (!started) return;
  delete holder[bossKey];
  const boss = await started.catch(() => undefined);
  await boss?.stop({ graceful: true, wait: true, close: false, timeout: options.timeoutMs ?? 30_000 });
}

/** Queues a job; false when the policy (or isExclusive) kept it out because the key already has one. */
export async function sendJob(boss: PgBoss, name: string, data: object, options: SendOptions): Promise<boolean> {
  if (options.isExclusive) {
    const live = await findLiveJob(boss, name, options.singletonKey);
    if (live?.state === "active" && options.isActiveStale) await boss.fail(name, live.id, { message: "Its sync lease lapsed: the process running it stopped." });
    if (live) return false;
  }
  const id = await boss.send(name, data, {
    singletonKey: options.singletonKey,
    startAfter: options.startAfterSeconds ?? 0,
    ...(options.expireInSeconds ? { expireInSeconds: options.expireInSeconds } : {}),
    ...(options.retryDelaySeconds ? { retryDelay: options.retryDelaySeconds } : {}),
  });
  return id !== null;
}

// A stately queue lets a second job of a key wait while one is active, but pg-boss 10 fetches jobs in
// order and a waiting job whose key is active fails the whole fetch (unique violation), stalling every
// other key behind it (timgit/pg-boss#535). Exclusive sends keep one live job per key instead.
async function findLiveJob(boss: PgBoss, name: string, key: string): Promise<{ id: string; state: string } | undefined> {
  const { rows } = await boss.getDb().executeSql(
    `SELECT id, state FROM ${jobSchema}.job WHERE name = $1 AND singleton_key = $2 AND state < 'completed' ORDER BY state DESC LIMIT 1`,
    [name, key],
  );
  return rows[0] as { id: string; state: string } | undefined;
}

/** Takes up to `batchSize` due jobs of one queue (they become active until completed or failed). */
export async function fetchJobs(boss: PgBoss, name: string, batchSize = 1, options: { ignoreStartAfter?: boolean } = {}): Promise<QueuedJob[]> {
  return (await boss.fetch<object>(name, { batchSize, ignoreStartAfter: options.ignoreStartAfter ?? false })).map((job) => ({ id: job.id, name: job.name, data: job.data }));
}

export async function completeJob(boss: PgBoss, job: QueuedJob): Promise<void> {
  await boss.complete(job.name, job.id);
}

export async function failJob(boss: PgBoss, job: QueuedJob, error: unknown): Promise<void> {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  await boss.fail(job.name, job.id, { message });
}

/** Polls a queue and runs `handle` for each job, one at a time per call; returns the worker id. */
export async function workQueue(boss: PgBoss, name: string, handle: (job: QueuedJob) => Promise<void>, pollingIntervalSeconds = 2): Promise<string> {
  return boss.work<object>(name, { batchSize: 1, pollingIntervalSeconds }, async (jobs) => {
    for (const job of jobs) await handle({ id: job.id, name: job.name, data: job.data });
  });
}

/** Moves jobs past their expiry to retry (pg-boss does this every 30 s on its own; tests call it). */
export async function expireJobs(boss: PgBoss): Promise<void> {
  await boss.expire();
}

/** Expiry plus archiving and deleting old jobs: a serverless host's frozen functions never run pg-boss's own timer. */
export async function maintainJobs(boss: PgBoss): Promise<void> {
  await boss.maintain();
}

/** Job rows of a queue by state (tests, the cron summary). */
export async function countJobsByState(db: Db, name: string): Promise<Record<string, number>> {
  const rows = await queryRows<{ state: string; count: number }>(
    db,
    sql`SELECT state, count(*)::int AS count FROM pgboss.job WHERE name = ${name} GROUP BY state`,
  );
  return Object.fromEntries(rows.map((row) => [row.state, Number(row.count)]));
}

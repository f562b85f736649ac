// What the job log says: pg-boss's own tables (pgboss.job and pgboss.archive) and sync_runs.
import type { Db } from "@/db/client";

async function rows<T>(db: Db, text: string, values: unknown[] = []): Promise<T[]> {
  const { getPostgresPool } = await import("@/db/engines/postgres");
  return (await getPostgresPool(db).query(text, values)).rows as T[];
}

const allJobs = `(select name, singleton_key, state, retry_count, started_on, completed_on, created_on from pgboss.job
  union all select name, singleton_key, state, retry_count, started_on, completed_on, created_on from pgboss.archive) jobs`;

/**
 * Jobs waiting or retrying, sync runs not finished, and score work not yet drained. Active jobs are left
 * out: a killed worker's stay active until they expire (a drain's after 30 min), with nothing left to do.
 */
export async function pendingWork(db: Db): Promise<{ jobs: number; scoreWork: number; runningSyncs: number }> {
  const [jobs] = await rows<{ n: string }>(db, `select count(*) n from pgboss.job where state in ('created', 'retry') and name <> 'sync-tick'`);
  const [work] = await rows<{ n: string }>(db, "select count(*) n from score_recompute_queue");
  const [syncs] = await rows<{ n: string }>(db, "select count(*) n from sync_runs where status in ('queued', 'running')");
  return { jobs: Number(jobs!.n), scoreWork: Number(work!.n), runningSyncs: Number(syncs!.n) };
}

/** Jobs per queue and state, and pg-boss retries (attempts after the first). */
export async function jobTotals(db: Db): Promise<{ byQueue: Record<string, Record<string, number>>; retries: number }> {
  const list = await rows<{ name: string; state: string; n: string; retries: string }>(db, `select name, state, count(*) n, sum(retry_count) retries from ${allJobs} group by name, state order by name, state`);
  const byQueue: Record<string, Record<string, number>> = {};
  let retries = 0;
  for (const row of list) {
    (byQueue[row.name] ??= {})[row.state] = Number(row.n);
    retries += Number(row.retries);
  }
  return { byQueue, retries };
}

export interface SyncInterval {
  organizationId: number;
  runId: number;
  startedAt: number;
  finishedAt: number;
}

/** Pairs of intervals of one organization that overlap, in `intervals`. */
export function overlaps(intervals: SyncInterval[]): [SyncInterval, SyncInterval][] {
  const found: [SyncInterval, SyncInterval][] = [];
  const byOrg = new Map<number, SyncInterval[]>();
  for (const interval of intervals) byOrg.set(interval.organizationId, [...(byOrg.get(interval.organizationId) ?? []), interval]);
  for (const list of byOrg.values()) {
    const sorted = [...list].sort((a, b) => a.startedAt - b.startedAt);
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i]!.startedAt < sorted[i - 1]!.finishedAt) found.push([sorted[i - 1]!, sorted[i]!]);
    }
  }
  return found;
}

/** Each sync run's span (sync_runs.started_at → finished_at). */
export async function syncRunIntervals(db: Db): Promise<SyncInterval[]> {
  const list = await rows<{ organization_id: number; id: number; started_at: string; finished_at: string | null }>(db, "select organization_id, id, started_at, finished_at from sync_runs");
  return list.map((row) => ({ organizationId: row.organization_id, runId: row.id, startedAt: Number(row.started_at), finishedAt: Number(row.finished_at ?? Date.now()) }));
}

/** Each sync-run job's last attempt (pg-boss started_on → completed_on), by its singleton key. */
export async function syncJobIntervals(db: Db): Promise<SyncInterval[]> {
  const list = await rows<{ singleton_key: string; started_on: Date | null; completed_on: Date | null }>(db, `select singleton_key, started_on, completed_on from ${allJobs} where name = 'sync-run' and started_on is not null`);
  return list.map((row, n) => ({
    organizationId: Number(row.singleton_key.split(":")[1]),
    runId: n,
    startedAt: row.started_on!.getTime(),
    finishedAt: (row.completed_on ?? new Date()).getTime(),
  }));
}

/** The most sync-run jobs active at once for one organization right now, and sync runs running at once. */
export async function concurrentSyncsNow(db: Db): Promise<{ jobs: number; runs: number }> {
  const [jobs] = await rows<{ n: string | null }>(db, "select max(n) n from (select count(*) n from pgboss.job where name = 'sync-run' and state = 'active' group by singleton_key) x");
  const [runs] = await rows<{ n: string | null }>(db, "select max(n) n from (select count(*) n from sync_runs where status = 'running' group by organization_id) x");
  return { jobs: Number(jobs!.n ?? 0), runs: Number(runs!.n ?? 0) };
}

export async function syncRunTotals(db: Db): Promise<{ runs: Record<string, number>; httpRetries: number; requests: number; callsAdded: number }> {
  const list = await rows<{ kind: string; status: string; n: string; retries: string; requests: string; added: string }>(db, "select kind, status, count(*) n, sum(retry_count) retries, sum(request_count) requests, sum(calls_added) added from sync_runs group by kind, status");
  const runs: Record<string, number> = {};
  let httpRetries = 0;
  let requests = 0;
  let callsAdded = 0;
  for (const row of list) {
    runs[`${row.kind} ${row.status}`] = Number(row.n);
    httpRetries += Number(row.retries);
    requests += Number(row.requests);
    callsAdded += Number(row.added);
  }
  return { runs, httpRetries, requests, callsAdded };
}

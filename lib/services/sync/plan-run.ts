import type { Db } from "@/db/client";
import {
  getLastSucceededRunEnd,
  getLatestSyncRun,
  getRunningSyncRun,
  getSyncSettings,
  getUnfinishedSyncRun,
  insertSyncRun,
} from "@/db/queries/sync";
import type { SyncRun, SyncRunKind, SyncRunTrigger } from "@/db/schema";
import { countWindows } from "./windows";

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

export interface NewRun {
  kind: SyncRunKind;
  trigger: SyncRunTrigger;
  rangeStart: number;
  rangeEnd: number;
  now: number;
}

/** A new run row, its checkpoint at the newest window's first page; null when one is already running. */
export async function createSyncRun(db: Db, organizationId: number, run: NewRun): Promise<SyncRun | null> {
  return insertSyncRun(db, {
    organizationId,
    kind: run.kind,
    trigger: run.trigger,
    status: "running",
    rangeStart: run.rangeStart,
    rangeEnd: run.rangeEnd,
    windowEnd: run.rangeEnd,
    cursor: null,
    windowsTotal: countWindows(run.rangeStart, run.rangeEnd),
    activeSince: run.now,
    startedAt: run.now,
    updatedAt: run.now,
  });
}

export type NextRun = { run: SyncRun } | { busy: SyncRun } | { idle: true };

/**
 * What to run next for an organization, in order: a run whose process died; an unfinished backfill
 * or re-sync (on a schedule only if its failure was transient); the first backfill; an incremental
 * run (on a schedule only when the interval has passed). The returned run still has to be claimed.
 */
export async function prepareNextRun(
  db: Db,
  organizationId: number,
  request: { trigger: SyncRunTrigger; now: number },
): Promise<NextRun> {
  const { trigger, now } = request;
  const running = await getRunningSyncRun(db, organizationId);
  if (running) return running.leaseUntil !== null && running.leaseUntil >= now ? { busy: running } : { run: running };

  const isScheduled = trigger === "schedule";
  const unfinished = await getUnfinishedSyncRun(db, organizationId);
  if (unfinished && (!isScheduled || unfinished.isRetryable)) return { run: unfinished };

  const latest = await getLatestSyncRun(db, organizationId, ["backfill", "incremental", "resync"]);
  // A failure that needs the admin (reconnect, permissions) is not repeated every few minutes.
  if (isScheduled && latest?.status === "failed" && !latest.isRetryable) return { idle: true };

  const settings = await getSyncSettings(db, organizationId);
  const backfillStart = now - settings.backfillDays * dayMs;
  const lastCovering = await getLatestSyncRun(db, organizationId, ["backfill", "incremental"]);
  const hasBackfilled = (await getLastSucceededRunEnd(db, organizationId, ["backfill"])) !== null;
  if (!hasBackfilled) {
    if (unfinished) return { idle: true };
    return created(await createSyncRun(db, organizationId, { kind: "backfill", trigger, rangeStart: backfillStart, rangeEnd: now, now }));
  }

  if (isScheduled && lastCovering && lastCovering.startedAt + settings.intervalMinutes * 60_000 > now) return { idle: true };
  const trailingMs = settings.trailingWindowHours * hourMs;
  const coveredUntil = (await getLastSucceededRunEnd(db, organizationId, ["backfill", "incremental"])) ?? backfillStart;
  const rangeStart = Math.max(backfillStart, Math.min(now - trailingMs, coveredUntil - trailingMs));
  return created(await createSyncRun(db, organizationId, { kind: "incremental", trigger, rangeStart, rangeEnd: now, now }));
}

function created(run: SyncRun | null): NextRun {
  return run ? { run } : { idle: true };
}

import type { Db } from "@/db/client";
import {
  getEarliestBackfilledStart,
  getLastSucceededRunEnd,
  getLatestFullRead,
  getLatestSyncRun,
  getRunningSyncRun,
  getSyncMarks,
  getSyncSettings,
  getUnfinishedSyncRun,
  insertSyncRun,
} from "@/db/queries/sync";
import type { SyncRun, SyncRunKind, SyncRunTrigger } from "@/db/schema";
import { readWebhookHealth } from "./read-webhook-health";
import { chooseIncrementalRange, countWindows } from "./windows";

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;
/** Older days missing by less than this are not worth a run of their own. */
const minGapMs = hourMs;

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
 * or re-sync (on a schedule only if its failure was transient); the first backfill (again after the
 * call data was deleted); the older days a raised backfill setting asks for; an incremental run (on a
 * schedule only when the interval has passed; short while webhooks are healthy). The returned run
 * still has to be claimed.
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
  // After "Disconnect and delete call data", earlier runs cover nothing: the next connect backfills again.
  const { callDataDeletedAt: since } = await getSyncMarks(db, organizationId);
  const unfinished = await getUnfinishedSyncRun(db, organizationId, since);
  if (unfinished && (!isScheduled || unfinished.isRetryable)) return { run: unfinished };

  const latest = await getLatestSyncRun(db, organizationId, ["backfill", "incremental", "resync"]);
  // A failure that needs the admin (reconnect, permissions) is not repeated every few minutes.
  if (isScheduled && latest?.status === "failed" && !latest.isRetryable) return { idle: true };

  const settings = await getSyncSettings(db, organizationId);
  const backfillStart = now - settings.backfillDays * dayMs;
  const backfilledFrom = await getEarliestBackfilledStart(db, organizationId, since);
  if (backfilledFrom === null) {
    if (unfinished) return { idle: true };
    return created(await createSyncRun(db, organizationId, { kind: "backfill", trigger, rangeStart: backfillStart, rangeEnd: now, now }));
  }
  // The backfill setting was raised: read the older days it now asks for, on their own.
  if (backfillStart < backfilledFrom - minGapMs) {
    return created(await createSyncRun(db, organizationId, { kind: "backfill", trigger, rangeStart: backfillStart, rangeEnd: backfilledFrom, now }));
  }

  const lastCovering = await getLatestSyncRun(db, organizationId, ["backfill", "incremental"], since);
  if (isScheduled && lastCovering && lastCovering.startedAt + settings.intervalMinutes * 60_000 > now) return { idle: true };
  const fullWindowMs = settings.trailingWindowHours * hourMs;
  const range = chooseIncrementalRange({
    now,
    fullWindowMs,
    backfillStart,
    coveredUntil: (await getLastSucceededRunEnd(db, organizationId, ["backfill", "incremental"], since)) ?? backfillStart,
    lastFullReadAt: (await getLatestFullRead(db, organizationId, fullWindowMs, since))?.startedAt ?? null,
    isWebhookHealthy: (await readWebhookHealth(db, organizationId, { now, fullWindowMs, since })).isHealthy,
  });
  return created(await createSyncRun(db, organizationId, { kind: "incremental", trigger, rangeStart: range.rangeStart, rangeEnd: range.rangeEnd, now }));
}

function created(run: SyncRun | null): NextRun {
  return run ? { run } : { idle: true };
}

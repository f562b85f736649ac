import type { SyncRun } from "@/db/schema";

// A run reads [range_start, range_end) newest first, one window of at most a day at a time, so a
// backfill's progress reads as "days covered" and each window is a short, resumable listing.
export const windowMs = 86_400_000;

export interface Checkpoint {
  /** Exclusive upper bound of the window being read. */
  windowEnd: number;
  /** Cursor of the next page within that window; null = its first page. */
  cursor: string | null;
  windowsDone: number;
}

type RunRange = Pick<SyncRun, "rangeStart" | "rangeEnd">;

export function countWindows(rangeStart: number, rangeEnd: number): number {
  return rangeEnd > rangeStart ? Math.ceil((rangeEnd - rangeStart) / windowMs) : 0;
}

export function isRangeDone(run: Pick<SyncRun, "rangeStart">, checkpoint: Pick<Checkpoint, "windowEnd">): boolean {
  return checkpoint.windowEnd <= run.rangeStart;
}

/**
 * Dialpad's started_after / started_before are strict (dialpad-api.md §3.1), so the window
 * [start, end) is asked for as started_after = start − 1, started_before = end: consecutive
 * windows then neither overlap nor leave a gap at their shared millisecond.
 */
export function windowQuery(run: Pick<SyncRun, "rangeStart">, checkpoint: Checkpoint) {
  const windowStart = Math.max(run.rangeStart, checkpoint.windowEnd - windowMs);
  return { startedAfter: windowStart - 1, startedBefore: checkpoint.windowEnd, cursor: checkpoint.cursor };
}

/** The checkpoint after a page: the same window's next page, or the first page of the next older window. */
export function advanceCheckpoint(run: RunRange, checkpoint: Checkpoint, nextCursor: string | null): Checkpoint {
  if (nextCursor) return { ...checkpoint, cursor: nextCursor };
  const windowStart = Math.max(run.rangeStart, checkpoint.windowEnd - windowMs);
  return { windowEnd: windowStart, cursor: null, windowsDone: checkpoint.windowsDone + 1 };
}

export interface SyncProgress {
  daysCovered: number;
  daysTotal: number;
  callsSoFar: number;
  /** Calls per second since this process took the run; null before the first page. */
  callsPerSecond: number | null;
}

export function describeProgress(run: SyncRun): SyncProgress {
  const elapsedMs = run.updatedAt - run.activeSince;
  const seen = run.callsSeen - run.callsSeenAtActive;
  return {
    daysCovered: run.windowsDone,
    daysTotal: run.windowsTotal,
    callsSoFar: run.callsSeen,
    callsPerSecond: elapsedMs > 0 && seen > 0 ? Math.round((seen * 1000) / elapsedMs) : null,
  };
}

/** While webhooks bring calls as they happen, a scheduled poll re-reads only this much. */
export const shortReadMs = 2 * 3_600_000;
/** The full trailing window is read at least this often, whatever the webhooks do. */
export const fullReadEveryMs = 24 * 3_600_000;

export interface IncrementalRangeInput {
  now: number;
  /** The trailing window setting (48 h by default): what a full re-read covers. */
  fullWindowMs: number;
  /** Nothing before this is read (the backfill setting). */
  backfillStart: number;
  /** End of the newest succeeded run: a longer outage is read from there back. */
  coveredUntil: number;
  /** When the newest full re-read (or backfill) started; null when none. */
  lastFullReadAt: number | null;
  isWebhookHealthy: boolean;
}

/**
 * The range of the next incremental run. Each poll costs Dialpad requests from a budget the company
 * shares with all its integrations, so while webhooks are healthy it re-reads a short window and the
 * full window once a day; when webhooks look unhealthy, or a day has passed, it reads the full window.
 */
export function chooseIncrementalRange(input: IncrementalRangeInput): { rangeStart: number; rangeEnd: number; isFull: boolean } {
  const { now } = input;
  const isFull = !input.isWebhookHealthy || input.lastFullReadAt === null || now - input.lastFullReadAt >= fullReadEveryMs;
  const lookBackMs = isFull ? input.fullWindowMs : Math.min(shortReadMs, input.fullWindowMs);
  const rangeStart = Math.max(input.backfillStart, Math.min(now - lookBackMs, input.coveredUntil - lookBackMs));
  return { rangeStart, rangeEnd: now, isFull };
}

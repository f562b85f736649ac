import type { Db } from "@/db/client";
import { nextWriteStamp, type IncomingLeg, type RejectedRecord } from "@/db/queries/calls";
import { commitSyncPages, createSyncChunkSizer, SyncLeaseLostError } from "@/db/queries/sync-commit";
import type { SyncRun } from "@/db/schema";
import type { DialpadCallPage, DialpadClient } from "@/lib/integrations/dialpad/client";
import { DialpadCursorExpiredError, DialpadTransientError } from "@/lib/integrations/dialpad/errors";
import { toStoredRejectedRecord } from "@/lib/integrations/dialpad/stored-payload";
import { toCallLeg } from "@/lib/integrations/dialpad/transform";
import { getStoragePolicy, toStoredLeg } from "@/lib/services/privacy/storage-policy";
import { notifyCallsChanged } from "./notify-calls-changed";
import { measureRunUsage } from "./run-usage";
import { advanceCheckpoint, isRangeDone, windowQuery, type Checkpoint } from "./windows";

export interface CommitReport {
  runId: number;
  pages: number;
  callsSeen: number;
  callsAdded: number;
  callsUpdated: number;
  windowsDone: number;
  windowsTotal: number;
}

export interface ReadContext {
  client: DialpadClient;
  owner: string;
  leaseMs: number;
  pageSize: number;
  /** Rows per transaction; a batch is also committed once it is 250 ms old. */
  commitRows: number;
  maxPageAttempts: number;
  pageRetryDelayMs: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  isLeaseLost: () => boolean;
  /** Shared with the caller, which records the total if the run fails. */
  tally: { pageRetries: number };
  onCommit?: (report: CommitReport) => void | Promise<void>;
}

type FetchedPage = DialpadCallPage;

/**
 * Reads the run's remaining windows page by page. The next page is requested before the current one
 * is stored, so Dialpad's latency overlaps the database write; the checkpoint committed with each
 * batch of pages points at the first page not yet stored.
 */
export async function readRemainingPages(db: Db, run: SyncRun, context: ReadContext): Promise<void> {
  let checkpoint: Checkpoint = { windowEnd: run.windowEnd, cursor: run.cursor, windowsDone: run.windowsDone };
  if (isRangeDone(run, checkpoint)) return;
  const { tally } = context;
  const totals = { pages: run.pages, callsSeen: run.callsSeen, callsAdded: run.callsAdded, callsUpdated: run.callsUpdated };

  // Per window: a cursor that keeps expiring before the next page is asked for means something else is wrong.
  const restarts = new Map<number, number>();
  async function fetchPage(at: Checkpoint): Promise<FetchedPage> {
    let query = windowQuery(run, at);
    for (let attempt = 1; ; attempt++) {
      try {
        return await context.client.listCalls({ ...query, limit: context.pageSize });
      } catch (error) {
        // Dialpad forgets cursors after a few minutes (a resumed run's stored one, or one that waited out
        // 429s): read the window again from its start. Legs already stored are merged, not duplicated.
        if (error instanceof DialpadCursorExpiredError && query.cursor && (restarts.get(at.windowEnd) ?? 0) < maxWindowRestarts) {
          query = { ...query, cursor: null };
          restarts.set(at.windowEnd, (restarts.get(at.windowEnd) ?? 0) + 1);
          tally.pageRetries++;
          attempt--;
          continue;
        }
        if (!(error instanceof DialpadTransientError) || attempt >= context.maxPageAttempts) throw error;
        // A long Retry-After ends the run instead: the scheduler resumes it later, without holding the lock meanwhile.
        if ((error.retryAfterMs ?? 0) > maxRetryWaitMs) throw error;
        tally.pageRetries++;
        await context.sleep(error.retryAfterMs ?? context.pageRetryDelayMs * attempt);
      }
    }
  }

  // Recording links only when an admin allowed them; nothing of people who were erased.
  const policy = await getStoragePolicy(db, run.organizationId);
  let batch = emptyBatch(context.now());
  const sizer = createSyncChunkSizer();
  async function commit(at: Checkpoint): Promise<void> {
    const counts = await commitSyncPages(db, {
      lease: { id: run.id, owner: context.owner, now: nextWriteStamp(context.now()), leaseMs: context.leaseMs },
      organizationId: run.organizationId,
      legs: batch.legs,
      rejected: batch.rejected,
      checkpoint: at,
      pages: batch.pages,
      itemsSeen: batch.itemsSeen,
      usage: measureRunUsage(run, context.client.stats(), tally, context.now()),
    }, sizer);
    totals.pages += batch.pages;
    totals.callsSeen += batch.itemsSeen;
    totals.callsAdded += counts.added;
    totals.callsUpdated += counts.updated;
    batch = emptyBatch(context.now());
    if (counts.added + counts.updated > 0) await notifyCallsChanged(db, run.organizationId);
    await context.onCommit?.({ runId: run.id, ...totals, windowsDone: at.windowsDone, windowsTotal: run.windowsTotal });
  }

  let pending: Promise<FetchedPage> | null = fetchPage(checkpoint);
  while (pending) {
    let page: FetchedPage;
    try {
      page = await pending;
    } catch (error) {
      // Keep what was already fetched: the resumed run starts after it.
      if (batch.pages > 0 && !context.isLeaseLost()) await commit(checkpoint);
      throw error;
    }
    const next = advanceCheckpoint(run, checkpoint, page.cursor);
    const isLast = isRangeDone(run, next);
    pending = isLast ? null : fetchPage(next);
    // If this loop stops early, nobody awaits the prefetch; its failure must not become unhandled.
    pending?.catch(() => undefined);
    if (context.isLeaseLost()) throw new SyncLeaseLostError();
    await yieldToLoop();

    // In slices with a yield between (with the parse, a page held the loop for tens of milliseconds).
    for (let index = 0; index < page.calls.length; index++) {
      if (index > 0 && index % transformSlice === 0) await yieldToLoop();
      const stored = toStoredLeg(policy, toCallLeg(page.calls[index]!), page.raw[index]);
      if (stored) batch.legs.push(stored);
    }
    batch.rejected.push(...page.rejected.map(toStoredRejectedRecord));
    batch.pages++;
    batch.itemsSeen += page.calls.length + page.rejected.length;
    checkpoint = next;
    // The checkpoint moves every commitRows rows; commitSyncPages writes them in steps of a few milliseconds.
    const isDue = batch.legs.length + batch.rejected.length >= context.commitRows || context.now() - batch.since >= maxBatchAgeMs;
    if (isLast || isDue) await commit(next);
    // Each commit takes a few milliseconds; yielding lets requests in between.
    await yieldToLoop();
  }
}

const maxBatchAgeMs = 250;
const transformSlice = 25;
const maxRetryWaitMs = 60_000;
const maxWindowRestarts = 3;

function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function emptyBatch(since: number) {
  return { legs: [] as IncomingLeg[], rejected: [] as RejectedRecord[], pages: 0, itemsSeen: 0, since };
}

import type { Db } from "@/db/client";
import { nextWriteStamp } from "@/db/queries/calls";
import { commitSyncPage, SyncLeaseLostError } from "@/db/queries/sync";
import type { SyncRun } from "@/db/schema";
import type { DialpadCallPage, DialpadClient } from "@/lib/integrations/dialpad/client";
import { DialpadRequestError, DialpadTransientError } from "@/lib/integrations/dialpad/errors";
import { toCallLeg } from "@/lib/integrations/dialpad/transform";
import { notifyCallsChanged } from "./notify-calls-changed";
import { advanceCheckpoint, isRangeDone, windowQuery, type Checkpoint } from "./windows";

export interface PageReport {
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
  maxPageAttempts: number;
  pageRetryDelayMs: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  isLeaseLost: () => boolean;
  /** Shared with the caller, which records the total if the run fails. */
  tally: { pageRetries: number };
  onPage?: (report: PageReport) => void | Promise<void>;
}

type FetchedPage = DialpadCallPage;

/**
 * Reads the run's remaining windows page by page. The next page is requested before the current one
 * is stored, so Dialpad's latency overlaps the database write; the checkpoint committed with each
 * page still points at the first page not yet stored.
 */
export async function readRemainingPages(db: Db, run: SyncRun, context: ReadContext): Promise<void> {
  let checkpoint: Checkpoint = { windowEnd: run.windowEnd, cursor: run.cursor, windowsDone: run.windowsDone };
  if (isRangeDone(run, checkpoint)) return;
  const { tally } = context;
  const totals = { pages: run.pages, callsSeen: run.callsSeen, callsAdded: run.callsAdded, callsUpdated: run.callsUpdated };

  async function fetchPage(at: Checkpoint): Promise<FetchedPage> {
    let query = windowQuery(run, at);
    for (let attempt = 1; ; attempt++) {
      try {
        return await context.client.listCalls({ ...query, limit: context.pageSize });
      } catch (error) {
        // A stored cursor can outlive Dialpad's memory of it: read the window again from its start.
        if (error instanceof DialpadRequestError && error.status === 400 && query.cursor) {
          query = { ...query, cursor: null };
          tally.pageRetries++;
          continue;
        }
        if (!(error instanceof DialpadTransientError) || attempt >= context.maxPageAttempts) throw error;
        tally.pageRetries++;
        await context.sleep(error.retryAfterMs ?? context.pageRetryDelayMs * attempt);
      }
    }
  }

  let pending: Promise<FetchedPage> | null = fetchPage(checkpoint);
  while (pending) {
    const page: FetchedPage = await pending;
    const next = advanceCheckpoint(run, checkpoint, page.cursor);
    pending = isRangeDone(run, next) ? null : fetchPage(next);
    // If this loop stops early, nobody awaits the prefetch; its failure must not become unhandled.
    pending?.catch(() => undefined);
    if (context.isLeaseLost()) throw new SyncLeaseLostError();

    const legs = page.calls.map((call, index) => ({ leg: toCallLeg(call), raw: page.raw[index] }));
    const counts = commitSyncPage(db, {
      lease: { id: run.id, owner: context.owner, now: nextWriteStamp(context.now()), leaseMs: context.leaseMs },
      organizationId: run.organizationId,
      legs,
      rejected: page.rejected,
      checkpoint: next,
      itemsSeen: page.calls.length + page.rejected.length,
      errorCount: run.errorCount + context.client.stats().retries + tally.pageRetries,
    });
    totals.pages++;
    totals.callsSeen += page.calls.length + page.rejected.length;
    totals.callsAdded += counts.added;
    totals.callsUpdated += counts.updated;
    if (counts.added + counts.updated > 0) await notifyCallsChanged(db, run.organizationId);
    await context.onPage?.({ runId: run.id, ...totals, windowsDone: next.windowsDone, windowsTotal: run.windowsTotal });
    checkpoint = next;
    // Each commit is a few milliseconds; yielding lets requests in between.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

// Coalesces the sync's frequent "calls changed" signals into few drains: a backfill stores a page
// every few hundred milliseconds, and draining after each would rescore the same role days
// (28-day windows) thousands of times. Webhook batches still score within about a second.
import type { Db } from "@/db/client";
import { hasQueuedScoreWork } from "@/db/queries/score-queue";
import { drainScoreQueue } from "./drain-score-queue";

export const drainTiming = { quietMs: 1_000, maxWaitMs: 15_000 };

type Pending = { timer: NodeJS.Timeout; firstAt: number };
const pending = new WeakMap<Db, Map<number, Pending>>();

/**
 * Drains the organization's queue in the background once no new request came for `quietMs`, or
 * `maxWaitMs` after the first, whichever is sooner. Returns at once; failures are logged. Work
 * stays queued in the database meanwhile, so an exit before the drain loses nothing.
 */
export function scheduleScoreDrain(db: Db, organizationId: number, now: number = Date.now()): void {
  let byOrganization = pending.get(db);
  if (!byOrganization) {
    byOrganization = new Map();
    pending.set(db, byOrganization);
  }
  const current = byOrganization.get(organizationId);
  if (current) clearTimeout(current.timer);
  const firstAt = current?.firstAt ?? now;
  const delay = Math.max(0, Math.min(drainTiming.quietMs, firstAt + drainTiming.maxWaitMs - now));
  const organizations = byOrganization;
  const timer = setTimeout(() => {
    organizations.delete(organizationId);
    drainScoreQueue(db, organizationId).catch((error: unknown) => {
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
      console.error(`[scores] background drain failed for organization ${organizationId}: ${detail}`);
    });
  }, delay);
  timer.unref();
  byOrganization.set(organizationId, { timer, firstAt });
}

/** For readers: work left in the queue (say, by a process that exited before its drain) gets drained. */
export async function scheduleScoreDrainIfQueued(db: Db, organizationId: number): Promise<void> {
  if (await hasQueuedScoreWork(db, organizationId)) scheduleScoreDrain(db, organizationId);
}

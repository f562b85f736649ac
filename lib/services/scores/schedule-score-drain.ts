// Coalesces the sync's frequent "calls changed" signals into few drains: a backfill stores a page
// every few hundred milliseconds, and draining after each would rescore the same role days
// (28-day windows) thousands of times. Webhook batches still score within about a second.
import type { Db } from "@/db/client";
import { hasQueuedScoreWork } from "@/db/queries/score-queue";
import { scoreDrainTiming } from "@/lib/jobs/definitions";
import { enqueueJobQuietly } from "@/lib/jobs/enqueue";

/** The quiet period and the longest wait before a drain (tests set both to 0). */
export const drainTiming = scoreDrainTiming;

/**
 * Queues a "score-drain" job (lib/jobs) that runs drainScoreQueue once no new request came for
 * `quietMs` (SQLite: a timer here, at most `maxWaitMs` after the first; PostgreSQL: one waiting job
 * per organization, due `quietMs` later, on any worker). Returns at once; failures are logged. Work
 * stays queued in the database meanwhile, so an exit before the drain loses nothing.
 */
export function scheduleScoreDrain(db: Db, organizationId: number): void {
  enqueueJobQuietly(db, "score-drain", { organizationId });
}

/** For readers: work left in the queue (say, by a process that exited before its drain) gets drained. */
export async function scheduleScoreDrainIfQueued(db: Db, organizationId: number): Promise<void> {
  if (await hasQueuedScoreWork(db, organizationId)) scheduleScoreDrain(db, organizationId);
}

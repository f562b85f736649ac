import type { Db } from "@/db/client";
import { scheduleScoreDrain } from "@/lib/services/scores/schedule-score-drain";

/**
 * Called after stored calls of an organization changed: after each committed sync page that added
 * or updated legs, and after each applied webhook batch. The work is already marked: triggers on
 * calls queue every changed leg in the same transaction (migration add_scores). This only schedules
 * a background drain, coalesced over a backfill's pages (lib/services/scores/schedule-score-drain.ts),
 * so it never slows the sync; call drainScoreQueue to wait for the scores.
 */
export async function afterCallsChanged(db: Db, organizationId: number): Promise<void> {
  scheduleScoreDrain(db, organizationId);
}

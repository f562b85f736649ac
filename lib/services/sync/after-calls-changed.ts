import type { Db } from "@/db/client";
import { drainScoreQueue } from "@/lib/services/scores/drain-score-queue";

/**
 * Called after stored calls of an organization changed: after each committed sync page that added
 * or updated legs, and after each applied webhook batch. The work is already marked: triggers on
 * calls queue every changed leg in the same transaction (migration add_scores). This drains the
 * queue, recomputing only the days those legs touch (and the role days whose baselines they feed);
 * a drain already running takes the new rows instead. The sync logs and ignores its errors.
 */
export async function afterCallsChanged(db: Db, organizationId: number): Promise<void> {
  await drainScoreQueue(db, organizationId);
}

// Test arrangement for the views: legs go in through the sync's upsert (whose triggers queue the
// score work) and the real recompute scores them, so view tests own their data end to end.
import type { Db } from "@/db/client";
import { listOrganizationCalls, nextWriteStamp, upsertCallRows } from "@/db/queries/calls";
import type { CallRow } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import { buildCallLeg } from "@/lib/calls/build-call-leg";
import type { CallLeg } from "@/lib/calls/types";
import { drainScoreQueue } from "@/lib/services/scores/drain-score-queue";

export { linkEmployee } from "@/lib/services/scores/testing";

let sequence = 0;

/** A leg for `dialpadUserId` with a unique Dialpad call id; pass the times and anything else. */
export function buildLeg(dialpadUserId: string, overrides: Partial<CallLeg> & Pick<CallLeg, "startedAt">): CallLeg {
  sequence += 1;
  return buildCallLeg({ dialpadCallId: `t${Date.now()}${sequence}`, dialpadUserId, ...overrides });
}

/** Stores the legs as a sync page would and returns their rows, in the order given. */
export async function insertLegs(db: Db, organizationId: number, legs: CallLeg[]): Promise<CallRow[]> {
  if (legs.length === 0) return [];
  const stamp = nextWriteStamp();
  const rows = legs.map((leg) => ({ leg, raw: { call_id: leg.dialpadCallId, state: leg.state } }));
  await withTransaction(db, (tx) => upsertCallRows(tx, organizationId, rows, stamp));
  const byId = new Map((await listOrganizationCalls(db, organizationId)).map((row) => [row.dialpadCallId, row]));
  return legs.map((leg) => byId.get(leg.dialpadCallId)!);
}

/** Runs the queued score recompute to the end, as the app does in the background after a sync. */
export function scoreQueuedDays(db: Db, organizationId: number): Promise<void> {
  return drainScoreQueue(db, organizationId);
}

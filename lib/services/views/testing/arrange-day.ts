// Test arrangement for the views: legs go in through the sync's upsert (whose triggers queue the
// score work) and the real recompute scores them, so view tests own their data end to end.
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { nextWriteStamp, upsertCallRows } from "@/db/queries/calls";
import { calls, employeeDialpadLinks, type CallRow, type Employee } from "@/db/schema";
import { buildCallLeg } from "@/lib/calls/build-call-leg";
import type { CallLeg } from "@/lib/calls/types";
import { drainScoreQueue } from "@/lib/services/scores/drain-score-queue";

let sequence = 0;

/** A leg for `dialpadUserId` with a unique Dialpad call id; pass the times and anything else. */
export function buildLeg(dialpadUserId: string, overrides: Partial<CallLeg> & Pick<CallLeg, "startedAt">): CallLeg {
  sequence += 1;
  return buildCallLeg({ dialpadCallId: `t${Date.now()}${sequence}`, dialpadUserId, ...overrides });
}

/** Stores the legs as a sync page would and returns their rows, in the order given. */
export function insertLegs(db: Db, organizationId: number, legs: CallLeg[]): CallRow[] {
  if (legs.length === 0) return [];
  const stamp = nextWriteStamp();
  db.$client.transaction(() =>
    upsertCallRows(db, organizationId, legs.map((leg) => ({ leg, raw: { call_id: leg.dialpadCallId, state: leg.state } })), stamp),
  )();
  const ids = legs.map((leg) => leg.dialpadCallId);
  const rows = db.select().from(calls).where(and(eq(calls.organizationId, organizationId), inArray(calls.dialpadCallId, ids))).all();
  const byId = new Map(rows.map((row) => [row.dialpadCallId, row]));
  return ids.map((id) => byId.get(id)!);
}

/** Links the employee to a Dialpad user directly; link before storing their legs. */
export function linkEmployee(db: Db, employee: Employee, dialpadUserId: string): void {
  const now = Date.now();
  db.insert(employeeDialpadLinks)
    .values({ organizationId: employee.organizationId, employeeId: employee.id, dialpadUserId, method: "manual", createdAt: now, updatedAt: now })
    .run();
}

/** Runs the queued score recompute to the end, as the app does in the background after a sync. */
export function scoreQueuedDays(db: Db, organizationId: number): Promise<void> {
  return drainScoreQueue(db, organizationId);
}

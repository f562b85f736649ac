// Test helpers: store legs through the sync's upsert (so the triggers queue them), map employees
// directly, and read stored rows back in a stable shape.
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { upsertCallRows } from "@/db/queries/calls";
import { callDayEntries, calls, dailyScores, employeeDialpadLinks, type Employee } from "@/db/schema";
import { buildCallLeg } from "@/lib/calls/build-call-leg";
import type { CallLeg } from "@/lib/calls/types";
import type { ScoreBreakdown } from "@/lib/scoring/score";

let stamp = 1_000;
export const utc = (iso: string) => Date.parse(iso);
export const MIN = 60_000;

/** Builds and upserts legs (a newer eventTimestamp than any stored one, so updates apply). */
export function storeLegs(db: Db, organizationId: number, legs: (Partial<CallLeg> & Pick<CallLeg, "dialpadCallId" | "startedAt">)[]) {
  const built = legs.map((overrides) => buildCallLeg({ eventTimestamp: ++stamp, ...overrides }));
  db.$client.transaction(() => upsertCallRows(db, organizationId, built.map((leg) => ({ leg, raw: { call_id: leg.dialpadCallId } })), ++stamp))();
  return built;
}

export function deleteLeg(db: Db, organizationId: number, dialpadCallId: string): void {
  db.delete(calls).where(and(eq(calls.organizationId, organizationId), eq(calls.dialpadCallId, dialpadCallId))).run();
}

/** Maps (or with null unmaps) the employee without going through the mapping service or its hook. */
export function linkEmployee(db: Db, employee: Employee, dialpadUserId: string | null): void {
  const now = Date.now();
  db.insert(employeeDialpadLinks)
    .values({ organizationId: employee.organizationId, employeeId: employee.id, dialpadUserId, method: "manual", createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: [employeeDialpadLinks.organizationId, employeeDialpadLinks.employeeId], set: { dialpadUserId, updatedAt: now } })
    .run();
}

export function readDays(db: Db, employeeId: number) {
  return db.select().from(dailyScores).where(eq(dailyScores.employeeId, employeeId)).orderBy(asc(dailyScores.dayKey)).all()
    .map((row) => ({ ...row, breakdown: row.breakdown === "" ? null : (JSON.parse(row.breakdown) as ScoreBreakdown) }));
}

export function readDay(db: Db, employeeId: number, dayKey: string) {
  return readDays(db, employeeId).find((row) => row.dayKey === dayKey);
}

/** [dialpadCallId, kind, countedMs / 1000, contributionMs / 1000, countsAsConnectedCall] per entry, by start time. */
export function readEntries(db: Db, employeeId: number, dayKey: string) {
  return db
    .select({ id: calls.dialpadCallId, kind: callDayEntries.kind, counted: callDayEntries.countedMs, contribution: callDayEntries.contributionMs, isConnected: callDayEntries.countsAsConnectedCall })
    .from(callDayEntries)
    .innerJoin(calls, eq(calls.id, callDayEntries.callId))
    .where(and(eq(callDayEntries.employeeId, employeeId), eq(callDayEntries.dayKey, dayKey)))
    .orderBy(asc(calls.startedAt), asc(calls.dialpadCallId))
    .all()
    .map((e) => [e.id, e.kind, e.counted / 1000, e.contribution / 1000, e.isConnected]);
}

/** Every stored score row and entry of the organization without ids or timestamps, for comparing recomputes. */
export function snapshotScores(db: Db, organizationId: number) {
  const days = db.select().from(dailyScores).where(eq(dailyScores.organizationId, organizationId))
    .orderBy(asc(dailyScores.employeeId), asc(dailyScores.dayKey)).all()
    .map((row) => ({ ...row, id: 0, computedAt: 0 }));
  const entries = db.select().from(callDayEntries).where(eq(callDayEntries.organizationId, organizationId))
    .orderBy(asc(callDayEntries.employeeId), asc(callDayEntries.dayKey), asc(callDayEntries.callId)).all()
    .map((entry) => ({ ...entry, id: 0 }));
  return { days, entries };
}

// Test arrangement for the views: stores call legs, a mapping link and the daily rows the scorer
// would write (facts from lib/scoring, a default-target score), so view tests own their data.
import type { Db } from "@/db/client";
import {
  callDayEntries,
  calls,
  dailyScores,
  employeeDialpadLinks,
  type CallRow,
  type Employee,
  type Organization,
} from "@/db/schema";
import { buildCallLeg } from "@/lib/calls/build-call-leg";
import type { CallLeg } from "@/lib/calls/types";
import { getLocalDayCalendar } from "@/lib/dates";
import { computeDayFactsByDay } from "@/lib/scoring/day-facts";
import { computeScore, suggestedDefaultTargets } from "@/lib/scoring/score";

let sequence = 0;

/** A leg for `dialpadUserId` with a unique Dialpad call id; pass the times and anything else. */
export function buildLeg(dialpadUserId: string, overrides: Partial<CallLeg> & Pick<CallLeg, "startedAt">): CallLeg {
  sequence += 1;
  return buildCallLeg({ dialpadCallId: `t${Date.now()}${sequence}`, dialpadUserId, ...overrides });
}

export function insertLegs(db: Db, organizationId: number, legs: CallLeg[], raw?: (leg: CallLeg) => unknown): CallRow[] {
  if (legs.length === 0) return [];
  const now = Date.now();
  return db
    .insert(calls)
    .values(
      legs.map((leg) => ({
        ...leg,
        organizationId,
        labels: JSON.stringify(leg.labels),
        raw: JSON.stringify(raw ? raw(leg) : { call_id: leg.dialpadCallId, state: leg.state }),
        firstSyncedAt: now,
        updatedAt: now,
      })),
    )
    .returning()
    .all();
}

export function linkEmployee(db: Db, employee: Employee, dialpadUserId: string): void {
  const now = Date.now();
  db.insert(employeeDialpadLinks)
    .values({ organizationId: employee.organizationId, employeeId: employee.id, dialpadUserId, method: "manual", createdAt: now, updatedAt: now })
    .run();
}

/**
 * Writes daily_scores and call_day_entries for every day the employee's stored legs touch, the
 * way the recompute does, scored against the suggested default targets with weights 3 and 2.
 */
export function storeDays(db: Db, organization: Organization, employee: Employee, rows: CallRow[]): void {
  const calendar = getLocalDayCalendar(employee.timezone ?? organization.timezone, organization.dayStartHour);
  const idByDialpadId = new Map(rows.map((row) => [row.dialpadCallId, row.id]));
  const legs = rows.map((row): CallLeg => ({ ...row, labels: JSON.parse(row.labels) as string[] }));
  const now = Date.now();
  db.transaction((tx) => {
    for (const facts of computeDayFactsByDay(legs, calendar).values()) {
      const breakdown = computeScore({
        isWorkDay: true,
        signals: [
          { key: "talkTime", value: facts.talkMs, weight: 3, baseline: { value: suggestedDefaultTargets.talkTime, source: "default", days: 0 } },
          { key: "connectedCalls", value: facts.connectedCalls, weight: 2, baseline: { value: suggestedDefaultTargets.connectedCalls, source: "default", days: 0 } },
        ],
      });
      const { calls: entries, uncounted, dayKey, ...counts } = facts;
      void uncounted;
      tx.insert(dailyScores)
        .values({
          ...counts, dayKey, organizationId: organization.id, employeeId: employee.id, role: employee.title?.trim() ?? "",
          score: breakdown.score, noScoreReason: breakdown.noScoreReason, breakdown: JSON.stringify(breakdown),
          factsHash: `test-${now}`, computedAt: now,
        })
        .run();
      for (const entry of entries) {
        const { dialpadCallId, startedAt, ...fields } = entry;
        void startedAt;
        tx.insert(callDayEntries)
          .values({ ...fields, organizationId: organization.id, employeeId: employee.id, dayKey, callId: idByDialpadId.get(dialpadCallId)! })
          .run();
      }
    }
  });
}

// The stored scores (read in batches, baselines over a sliding window, one block per new call) equal
// a row-by-row reference computed here from the legs themselves: each employee's facts by
// computeDayFactsByDay, each day's baselines by sorting its whole 28-day window again.
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { listOrganizationCalls } from "@/db/queries/calls";
import { listOrganizationScores } from "@/db/queries/scores";
import type { Employee, Organization } from "@/db/schema";
import type { CallLeg } from "@/lib/calls/types";
import { computeDayFactsByDay } from "@/lib/scoring/day-facts";
import { isWorkDay } from "@/lib/scoring/score";
import { createEmployee, createOrganization } from "@/tests/factories";
import { createTestDb } from "@/tests/db";
import { drainScoreQueue } from "./drain-score-queue";
import { recomputeOrganizationScores } from "./queue-recompute";
import { computeRoleBaselines, groupActiveDays, scoreDayValues } from "./role-baselines";
import { getEmployeeCalendar, getRoleKey, parseWorkWeek, resolveRoleSettings } from "./scoring-context";
import { MIN, linkEmployee, storeLegs, type LegInput } from "./testing";

const firstDay = Date.parse("2026-01-05T00:00:00Z");
const people = [
  { title: "Sales", timezone: "Europe/London" }, { title: "Sales", timezone: null }, { title: "Sales", timezone: null },
  { title: "Support", timezone: "Asia/Kolkata" }, { title: "Support", timezone: null }, { title: null, timezone: null },
  { title: "Sales", timezone: "America/Los_Angeles" }, { title: "Support", timezone: null },
];

function generateLegs(seed: number, count: number): LegInput[] {
  let state = seed;
  const pick = (n: number) => (state = (state * 48271) % 2147483647) % n;
  const legs: LegInput[] = [];
  for (let i = 0; legs.length < count; i++) {
    const user = `u${i % people.length}`;
    // Late starts cross local midnight in some zones; long calls span two days.
    const startedAt = firstDay + pick(45) * 86_400_000 + pick(24) * 3_600_000 + pick(3_600) * 1000;
    const talk = (20 + pick(pick(10) === 0 ? 7_200 : 1_200)) * 1000;
    const id = String(5_000 + legs.length);
    const kind = pick(20);
    if (kind < 12) legs.push({ dialpadCallId: id, dialpadUserId: user, direction: "outbound", startedAt, connectedAt: startedAt + 8000, endedAt: startedAt + 8000 + talk });
    else if (kind < 15) legs.push({ dialpadCallId: id, dialpadUserId: user, direction: "inbound", startedAt, connectedAt: startedAt + 5000, endedAt: startedAt + 5000 + talk });
    else if (kind < 16) legs.push({ dialpadCallId: id, dialpadUserId: user, direction: "inbound", state: "missed", startedAt, endedAt: startedAt + 25_000 });
    else if (kind < 17) legs.push({ dialpadCallId: id, dialpadUserId: user, direction: "outbound", state: "voicemail", startedAt, connectedAt: startedAt + 20_000, endedAt: startedAt + 60_000 });
    else if (kind < 18) legs.push({ dialpadCallId: id, dialpadUserId: user, direction: "outbound", startedAt, endedAt: startedAt + 30_000 });
    else {
      // A three-way call: the second record of the same call overlaps the first.
      legs.push({ dialpadCallId: id, dialpadUserId: user, direction: "outbound", startedAt, connectedAt: startedAt + 8000, endedAt: startedAt + 8000 + talk });
      const added = startedAt + 8000 + Math.floor(talk / 2);
      legs.push({ dialpadCallId: String(5_000 + legs.length), dialpadUserId: user, masterCallId: id, direction: "outbound", startedAt: added, connectedAt: added + 5000, endedAt: added + talk });
    }
  }
  return legs;
}

/** The reference: facts per employee-day from the legs, then each day scored against a freshly sorted window. */
function computeReference(organization: Organization, employees: readonly Employee[], legs: readonly CallLeg[]) {
  const days = employees.flatMap((employee, i) => {
    const own = legs.filter((leg) => leg.dialpadUserId === `u${i}`);
    return [...computeDayFactsByDay(own, getEmployeeCalendar(employee, organization)).values()].map((facts) => ({
      employeeId: employee.id, role: getRoleKey(employee.title), ...facts,
    }));
  });
  const workWeek = parseWorkWeek(organization.workWeek);
  return days
    .map((day) => {
      const peers = groupActiveDays(days.filter((other) => other.role === day.role && other.hasActivity));
      const settings = resolveRoleSettings([], day.role);
      const baselines = computeRoleBaselines(peers, day.dayKey, settings.targets);
      const breakdown = scoreDayValues(day, baselines, settings.weights, isWorkDay(day.dayKey, workWeek));
      return {
        employeeId: day.employeeId, dayKey: day.dayKey, role: day.role, talkMs: day.talkMs, connectedCalls: day.connectedCalls,
        voicemailsLeft: day.voicemailsLeft, voicemailsReceived: day.voicemailsReceived, missedCalls: day.missedCalls,
        notAnsweredCalls: day.notAnsweredCalls, hasActivity: day.hasActivity, score: breakdown.score,
        noScoreReason: breakdown.noScoreReason, breakdown: JSON.stringify(breakdown),
        calls: day.calls.map((call) => [call.dialpadCallId, call.kind, call.countedMs, call.contributionMs, call.countsAsConnectedCall]),
      };
    })
    .sort((a, b) => a.employeeId - b.employeeId || (a.dayKey < b.dayKey ? -1 : 1));
}

async function readStored(db: Db, organizationId: number, dialpadIdOf: ReadonlyMap<number, string>) {
  const { days, entries } = await listOrganizationScores(db, organizationId);
  return days.map((day) => ({
    employeeId: day.employeeId, dayKey: day.dayKey, role: day.role, talkMs: day.talkMs, connectedCalls: day.connectedCalls,
    voicemailsLeft: day.voicemailsLeft, voicemailsReceived: day.voicemailsReceived, missedCalls: day.missedCalls,
    notAnsweredCalls: day.notAnsweredCalls, hasActivity: day.hasActivity, score: day.score, noScoreReason: day.noScoreReason,
    breakdown: day.breakdown,
    calls: entries
      .filter((entry) => entry.employeeId === day.employeeId && entry.dayKey === day.dayKey)
      .map((entry) => ({ ...entry, dialpadCallId: dialpadIdOf.get(entry.callId)! }))
      .sort((a, b) => a.dialpadCallId.localeCompare(b.dialpadCallId))
      .map((entry) => [entry.dialpadCallId, entry.kind, entry.countedMs, entry.contributionMs, entry.countsAsConnectedCall]),
  }));
}

const byCallId = (rows: ReturnType<typeof computeReference>) =>
  rows.map((row) => ({ ...row, calls: [...row.calls].sort((a, b) => String(a[0]).localeCompare(String(b[0]))) }));

describe("batched recompute equals the row-by-row reference", () => {
  it("after a backfill's drain, a full recompute, and new calls scored one at a time", async () => {
    const db = await createTestDb();
    const organization = await createOrganization(db, { timezone: "America/New_York" });
    const employees: Employee[] = [];
    for (const person of people) employees.push(await createEmployee(db, organization, person));
    for (const [i, employee] of employees.entries()) await linkEmployee(db, employee, `u${i}`);

    const legs = await storeLegs(db, organization.id, generateLegs(42, 900));
    await drainScoreQueue(db, organization.id);
    const { days: storedDays } = await listOrganizationScores(db, organization.id);
    expect(storedDays.length).toBeGreaterThan(250);
    const callIds = await listCallIds(db, organization.id);
    const expected = byCallId(computeReference(organization, employees, legs));
    expect(await readStored(db, organization.id, callIds)).toEqual(expected);

    await recomputeOrganizationScores(db, organization.id);
    expect(await readStored(db, organization.id, callIds)).toEqual(expected);

    const added: CallLeg[] = [];
    for (const [i, day] of [12, 20, 31].entries()) {
      const at = firstDay + day * 86_400_000 + 15 * 3_600_000;
      added.push(...(await storeLegs(db, organization.id, [
        { dialpadCallId: String(90_000 + i), dialpadUserId: `u${i}`, direction: "outbound", startedAt: at, connectedAt: at + 5000, endedAt: at + 40 * MIN },
      ])));
      await drainScoreQueue(db, organization.id);
    }
    const afterCalls = byCallId(computeReference(organization, employees, [...legs, ...added]));
    expect(await readStored(db, organization.id, await listCallIds(db, organization.id))).toEqual(afterCalls);
  });
});

async function listCallIds(db: Db, organizationId: number): Promise<Map<number, string>> {
  return new Map((await listOrganizationCalls(db, organizationId)).map((call) => [call.id, call.dialpadCallId]));
}

import { describe, expect, it } from "vitest";
import { createEmployee, createOrganization, createViewer } from "@/tests/factories";
import { createTestDb } from "@/tests/db";
import { drainScoreQueue } from "./drain-score-queue";
import { getEmployeeDayScore } from "./get-employee-day-score";
import { listEmployeeScoreTrend } from "./list-employee-score-trend";
import { listTeamDay } from "./list-team-day";
import { MIN, linkEmployee, storeLegs, utc } from "./testing";

const now = utc("2026-03-13T20:00:00Z"); // Friday afternoon in New York

async function setUp() {
  const db = await createTestDb();
  const organization = await createOrganization(db, { timezone: "America/New_York" });
  const { viewer: manager, employee: managerEmployee } = await createViewer(db, organization, { role: "manager", name: "Mia Manager" });
  const report = await createEmployee(db, organization, { name: "Rey Report", managerId: managerEmployee!.id });
  const stranger = await createEmployee(db, organization, { name: "Sam Stranger" });
  await linkEmployee(db, report, "ur");
  await storeLegs(db, organization.id, [
    { dialpadCallId: "1", dialpadUserId: "ur", startedAt: utc("2026-03-10T15:00:00Z"), connectedAt: utc("2026-03-10T15:00:10Z"),
      endedAt: utc("2026-03-10T15:30:10Z") },
    { dialpadCallId: "2", dialpadUserId: "ur", direction: "inbound", state: "missed", startedAt: utc("2026-03-10T16:00:00Z"),
      rangAt: utc("2026-03-10T16:00:01Z"), endedAt: utc("2026-03-10T16:00:25Z") },
  ]);
  await drainScoreQueue(db, organization.id);
  return { db, manager, managerEmployee: managerEmployee!, report, stranger };
}

describe("score read services", () => {
  it("returns a stored day with its breakdown, calls and uncounted calls", async () => {
    const { db, manager, report } = await setUp();
    const result = await getEmployeeDayScore(db, manager, report.id, "2026-03-10", { now });
    expect(result).toMatchObject({
      timeZone: "America/New_York", dayStartHour: 0, dialpadUserId: "ur",
      bounds: { start: utc("2026-03-10T04:00:00Z"), end: utc("2026-03-11T04:00:00Z") },
      day: { isStored: true, isPending: false, talkMs: 30 * MIN, connectedCalls: 1, missedCalls: 1, score: 20, breakdown: { weightedMean: 20.4 } },
    });
    expect(result.calls.map((c) => [c.dialpadCallId, c.kind, c.contributionMs / MIN])).toEqual([["1", "counted", 30], ["2", "missed", 0]]);
    expect(result.uncounted.map((c) => [c.dialpadCallId, c.reason])).toEqual([["2", "Rang and was not answered."]]);
  });

  it("scores days without calls from stored baselines: 0 on a work day, none on a weekend or in the future", async () => {
    const { db, manager, report } = await setUp();
    const monday = await getEmployeeDayScore(db, manager, report.id, "2026-03-09", { now });
    expect(monday.day).toMatchObject({ isStored: false, isFuture: false, score: 0, talkMs: 0 });
    expect(monday.calls).toEqual([]);
    const sunday = await getEmployeeDayScore(db, manager, report.id, "2026-03-08", { now });
    expect(sunday.day).toMatchObject({ score: null, noScoreReason: "non_work_day" });
    const monday16 = await getEmployeeDayScore(db, manager, report.id, "2026-03-16", { now });
    expect(monday16.day).toMatchObject({ isFuture: true, score: null, breakdown: null });
  });

  it("lists the manager's team for a day and an employee's trend", async () => {
    const { db, manager, report } = await setUp();
    const team = await listTeamDay(db, manager, "2026-03-10", { now });
    expect(team.map((row) => [row.employee.name, row.dialpadUserId, row.day.isStored, row.day.score])).toEqual([
      ["Mia Manager", null, false, 0],
      ["Rey Report", "ur", true, 20],
    ]);
    const trend = await listEmployeeScoreTrend(db, manager, report.id, "2026-03-08", "2026-03-14", { now });
    expect(trend.map((d) => [d.dayKey, d.score, d.isFuture])).toEqual([
      ["2026-03-08", null, false], ["2026-03-09", 0, false], ["2026-03-10", 20, false], ["2026-03-11", 0, false],
      ["2026-03-12", 0, false], ["2026-03-13", 0, false], ["2026-03-14", null, true],
    ]);
  });

  it("hides employees outside the viewer's scope and rejects bad dates", async () => {
    const { db, manager, stranger, report } = await setUp();
    await expect(getEmployeeDayScore(db, manager, stranger.id, "2026-03-10")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listEmployeeScoreTrend(db, manager, stranger.id, "2026-03-01", "2026-03-10")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getEmployeeDayScore(db, manager, report.id, "2026-02-30")).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(listTeamDay(db, manager, "yesterday")).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(listEmployeeScoreTrend(db, manager, report.id, "2026-03-10", "2026-03-01")).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(listEmployeeScoreTrend(db, manager, report.id, "2025-01-01", "2026-03-01")).rejects.toMatchObject({ code: "VALIDATION" });
  });
});

import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { upsertDialpadConnection } from "@/db/queries/dialpad-connections";
import { insertSyncRun } from "@/db/queries/sync";
import type { Employee, Organization } from "@/db/schema";
import type { Viewer } from "@/lib/services/access/viewer";
import { createTestDb } from "@/tests/db";
import { createEmployee, createOrganization, createViewer } from "@/tests/factories";
import { getEmployeeDay } from "./get-employee-day";
import { buildLeg, insertLegs, linkEmployee, scoreQueuedDays } from "./testing/arrange-day";

const MIN = 60_000;
// Berlin is UTC+1 in March: local 09:00 on 10 Mar is 08:00 UTC.
const local = (hour: number, minute = 0) => Date.UTC(2026, 2, 10, hour - 1, minute);
const now = Date.UTC(2026, 2, 11, 12);

let db: Db;
let org: Organization;
let manager: Viewer;
let rita: Employee;

beforeEach(async () => {
  db = await createTestDb();
  org = await createOrganization(db, { timezone: "America/New_York" });
  const boss = await createViewer(db, org, { role: "manager" });
  manager = boss.viewer;
  rita = await createEmployee(db, org, { name: "Rita Report", managerId: boss.employee!.id, timezone: "Europe/Berlin" });
  await linkEmployee(db, rita, "u-rita");
});

describe("getEmployeeDay", () => {
  it("reads the employee's local day: calls by start time, facts, a 30-day trend and the day's status", async () => {
    const legs = [
      buildLeg("u-rita", { startedAt: local(9), connectedAt: local(9), endedAt: local(9, 20), direction: "outbound" }),
      buildLeg("u-rita", { startedAt: local(9, 10), connectedAt: local(9, 10), endedAt: local(9, 30), direction: "inbound" }),
      buildLeg("u-rita", { startedAt: local(14), rangAt: local(14), endedAt: local(14) + 30_000, direction: "inbound" }),
    ];
    await insertLegs(db, org.id, legs);
    await scoreQueuedDays(db, org.id);
    const day = await getEmployeeDay(db, manager, { employeeId: rita.id, date: "2026-03-10", now });
    expect(day.timeZone).toBe("Europe/Berlin");
    expect(day.bounds).toEqual({ start: Date.UTC(2026, 2, 9, 23), end: Date.UTC(2026, 2, 10, 23) });
    expect(day.calls.map((call) => [call.direction, call.kind, call.countedMs, call.contributionMs])).toEqual([
      ["outbound", "counted", 20 * MIN, 20 * MIN],
      ["inbound", "counted", 20 * MIN, 10 * MIN],
      ["inbound", "missed", 0, 0],
    ]);
    expect([day.day.talkMs, day.day.connectedCalls, day.day.missedCalls]).toEqual([30 * MIN, 2, 1]);
    expect(day.trend).toHaveLength(30);
    expect(day.trend.at(-1)).toMatchObject({ dayKey: "2026-03-10", score: day.day.score });
    expect(day.status).toEqual({ kind: "not_connected" });
  });

  it("defaults to today in the employee's zone and 404s outside the manager's team", async () => {
    const day = await getEmployeeDay(db, manager, { employeeId: rita.id, date: "not-a-day", now });
    expect([day.dayKey, day.rejectedInput, day.calls]).toEqual(["2026-03-11", "not-a-day", []]);
    const stranger = await createEmployee(db, org);
    await expect(getEmployeeDay(db, manager, { employeeId: stranger.id, date: undefined, now })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("reads a day with 300 calls: every one of them, in start order", async () => {
    const legs = Array.from({ length: 300 }, (_, i) => {
      const start = local(7) + i * 2 * MIN;
      return buildLeg("u-rita", { startedAt: start, connectedAt: start + 10_000, endedAt: start + 3 * MIN, direction: i % 3 ? "outbound" : "inbound" });
    });
    await insertLegs(db, org.id, legs);
    await scoreQueuedDays(db, org.id);
    const day = await getEmployeeDay(db, manager, { employeeId: rita.id, date: "2026-03-10", now });
    expect(day.calls.map((call) => call.startedAt)).toEqual(legs.map((leg) => leg.startedAt));
    expect(day.day.connectedCalls).toBe(300);
  });

  it("gives a day no sync has read no score (not 0) and leaves it as a gap in the trend", async () => {
    await upsertDialpadConnection(db, {
      organizationId: org.id, status: "connected", dialpadCompanyId: "c1", companyName: "Co", companyDomain: org.domain,
      connectedByName: "Ada", connectedAt: 0, lastSyncAt: now, updatedAt: 0,
    });
    // The synced history starts on 5 Mar (Berlin): 4 Mar and earlier were never read.
    await insertSyncRun(db, {
      organizationId: org.id, kind: "backfill", trigger: "connect", windowsTotal: 1, activeSince: 0, startedAt: 0, updatedAt: 0,
      status: "succeeded", rangeStart: Date.UTC(2026, 2, 4, 23), rangeEnd: now, windowEnd: now,
    });
    await insertLegs(db, org.id, [buildLeg("u-rita", { startedAt: local(9), connectedAt: local(9), endedAt: local(9, 20), direction: "outbound" })]);
    await scoreQueuedDays(db, org.id);
    const before = await getEmployeeDay(db, manager, { employeeId: rita.id, date: "2026-03-04", now });
    expect([before.isUnsynced, before.day.score, before.day.breakdown, before.status.kind]).toEqual([true, null, null, "not_synced_yet"]);
    const day = await getEmployeeDay(db, manager, { employeeId: rita.id, date: "2026-03-10", now });
    expect(day.isUnsynced).toBe(false);
    const scores = new Map(day.trend.map((point) => [point.dayKey, point.score]));
    expect([scores.get("2026-03-04"), scores.get("2026-02-10")]).toEqual([null, null]);
    expect(typeof scores.get("2026-03-05")).toBe("number");
    expect(scores.get("2026-03-10")).toBe(day.day.score);
    expect(day.lastSyncAt).toBe(now);
  });
});

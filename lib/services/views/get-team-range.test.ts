import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { upsertDialpadConnection } from "@/db/queries/dialpad-connections";
import { listRangeScores } from "@/db/queries/team-range";
import { captureQueries, explainQuery, listPlanIndexes, scansWholeTable } from "@/db/queries/testing/query-plans";
import { insertSyncRun } from "@/db/queries/sync";
import type { Organization } from "@/db/schema";
import type { Viewer } from "@/lib/services/access/viewer";
import { createTestDb } from "@/tests/db";
import { createEmployee, createOrganization, createViewer } from "@/tests/factories";
import { getTeamRange } from "./get-team-range";
import { buildLeg, insertLegs, linkEmployee, scoreQueuedDays } from "./testing/arrange-day";

const MIN = 60_000;
const at = (day: number, hour: number) => Date.UTC(2026, 2, day, hour);
const now = at(11, 12); // Wed 11 Mar 2026, 12:00 UTC

let db: Db;
let org: Organization;
let manager: Viewer;
let admin: Viewer;

beforeEach(async () => {
  db = await createTestDb();
  org = await createOrganization(db, { timezone: "UTC" });
  ({ viewer: admin } = await createViewer(db, org, { role: "admin", hasEmployee: false }));
  const boss = await createViewer(db, org, { role: "manager", name: "Mona Manager" });
  manager = boss.viewer;
  const rita = await createEmployee(db, org, { name: "Rita Report", managerId: boss.employee!.id });
  await createEmployee(db, org, { name: "Una Unmapped", managerId: boss.employee!.id });
  await createEmployee(db, org, { name: "Someone Else" });
  await linkEmployee(db, boss.employee!, "u-mona");
  await linkEmployee(db, rita, "u-rita");
  // Mon 9 Mar: 10 calls of 6 minutes (the default targets: 60); Tue 10 Mar: 3 calls of 10 minutes (25).
  await insertLegs(db, org.id, [
    ...Array.from({ length: 10 }, (_, i) => buildLeg("u-rita", { startedAt: at(9, 8 + i), connectedAt: at(9, 8 + i), endedAt: at(9, 8 + i) + 6 * MIN })),
    ...[9, 10, 11].map((hour) => buildLeg("u-rita", { startedAt: at(10, hour), connectedAt: at(10, hour), endedAt: at(10, hour) + 10 * MIN })),
  ]);
  await scoreQueuedDays(db, org.id);
  // Daymark has read Dialpad from Sat 7 Mar on, last an hour ago.
  await upsertDialpadConnection(db, {
    organizationId: org.id, status: "connected", dialpadCompanyId: "c1", companyName: "Co", companyDomain: org.domain,
    connectedByName: "Ada", connectedAt: 0, lastSyncAt: now - 60 * MIN, updatedAt: 0,
  });
  await insertSyncRun(db, {
    organizationId: org.id, kind: "backfill", trigger: "connect", windowsTotal: 1, activeSince: 0, startedAt: 0, updatedAt: 0,
    status: "succeeded", rangeStart: at(7, 0), rangeEnd: now - 60 * MIN, windowEnd: at(7, 0),
  });
});

const cells = (range: Awaited<ReturnType<typeof getTeamRange>>) =>
  range.rows.map((row) => [row.name, ...row.days.map((day) => day.score ?? day.gap)]);

describe("getTeamRange", () => {
  it("shows the manager's people × days with gaps for unsynced, off, unmapped and future days, and each day's average", async () => {
    const range = await getTeamRange(db, manager, { from: "2026-03-06", to: "2026-03-12", now });
    expect(range.range).toEqual({ from: "2026-03-06", to: "2026-03-12" });
    expect(cells(range)).toEqual([
      ["Mona Manager", "not_synced", "non_work_day", "non_work_day", 0, 0, 0, "future"],
      ["Rita Report", "not_synced", "non_work_day", "non_work_day", 60, 25, 0, "future"],
      ["Una Unmapped", "not_mapped", "not_mapped", "not_mapped", "not_mapped", "not_mapped", "not_mapped", "future"],
    ]);
    expect(range.days.map((day) => [day.dayKey, day.isWorkDay, day.isToday, day.average])).toEqual([
      ["2026-03-06", true, false, null],
      ["2026-03-07", false, false, null],
      ["2026-03-08", false, false, null],
      ["2026-03-09", true, false, 30],
      ["2026-03-10", true, false, 13],
      ["2026-03-11", true, true, 0],
      ["2026-03-12", true, false, null],
    ]);
    expect(range.rejection).toBeNull();
  });

  it("shows an admin everyone, and defaults to the 7 days ending today", async () => {
    const range = await getTeamRange(db, admin, { from: undefined, to: undefined, now });
    expect(range.range).toEqual({ from: "2026-03-05", to: "2026-03-11" });
    expect(range.rows.map((row) => row.name)).toEqual(["Mona Manager", "Rita Report", "Someone Else", "Una Unmapped"]);
  });

  it("says why a range was not shown and shows the default instead", async () => {
    const tooLong = await getTeamRange(db, manager, { from: "2026-01-01", to: "2026-03-01", now });
    expect(tooLong.rejection).toBe("Choose at most 31 days: Thu 1 Jan 2026 to Sun 1 Mar 2026 is 60 days.");
    expect(tooLong.range).toEqual({ from: "2026-03-05", to: "2026-03-11" });
    const backwards = await getTeamRange(db, manager, { from: "2026-03-10", to: "2026-03-09", now });
    expect(backwards.rejection).toBe("The range ends (Mon 9 Mar 2026) before it starts (Tue 10 Mar 2026).");
    const garbage = await getTeamRange(db, manager, { from: "soon", to: "2026-03-09", now });
    expect(garbage.rejection).toBe("“soon” is not a date. Use YYYY-MM-DD, for example 2026-11-30.");
  });

  it("reads the stored scores in one indexed query, never a full scan", async () => {
    for (const employeeIds of [null, [1, 2, 3]]) {
      const { queries } = await captureQueries(db, () =>
        listRangeScores(db, { organizationId: org.id, from: "2026-03-01", to: "2026-03-31", employeeIds }),
      );
      expect(queries).toHaveLength(1);
      const plan = await explainQuery(db, queries[0]!, { avoidSeqScan: true });
      expect(scansWholeTable(plan, "daily_scores")).toBe(false);
      expect(listPlanIndexes(plan).some((name) => name.startsWith("daily_scores_"))).toBe(true);
    }
  });
});

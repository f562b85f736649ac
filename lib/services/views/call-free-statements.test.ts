import { describe, expect, it } from "vitest";
import { getActiveEngine } from "@/db/engine";
import { upsertDialpadConnection } from "@/db/queries/dialpad-connections";
import { listEmployees } from "@/db/queries/employees";
import { listRoleActiveDays } from "@/db/queries/scores";
import { insertSyncRun } from "@/db/queries/sync";
import { captureQueries } from "@/db/queries/testing/query-plans";
import { seedViewsPlanData } from "@/db/queries/testing/views-plan-data";
import { createTestDb } from "@/tests/db";
import { createEmployee, createOrganization, createViewer } from "@/tests/factories";
import { getEmployeeDay } from "./get-employee-day";
import { getTeamDay } from "./get-team-day";
import { getTeamRange } from "./get-team-range";
import { buildLeg, insertLegs, linkEmployee, scoreQueuedDays } from "./testing/arrange-day";

// Issue 17: reading a role's active days over a trailing window was most of a view's SQL at scale. A
// day without calls scores from the role's settings, so only a breakdown that is shown (the selected
// day's score card) may read them. The seed: 100 people (Sales and Support), scores 1 Jan – 1 Mar 2026.
const now = Date.UTC(2026, 2, 11, 12); // Wed 11 Mar 2026

async function setUp() {
  const db = await createTestDb();
  const organization = await createOrganization(db, { timezone: "UTC" });
  await seedViewsPlanData(db, organization.id);
  await upsertDialpadConnection(db, {
    organizationId: organization.id, status: "connected", dialpadCompanyId: "c1", companyName: "Co", companyDomain: organization.domain,
    connectedByName: "Ada", connectedAt: 0, lastSyncAt: now, updatedAt: 0,
  });
  await insertSyncRun(db, {
    organizationId: organization.id, kind: "backfill", trigger: "connect", windowsTotal: 1, activeSince: 0, startedAt: 0, updatedAt: 0,
    status: "succeeded", rangeStart: Date.UTC(2026, 0, 1), rangeEnd: now, windowEnd: now,
  });
  const { viewer } = await createViewer(db, organization, { role: "admin", hasEmployee: false });
  const sales = (await listEmployees(db, organization.id)).find((employee) => employee.title === "Sales")!;
  const probe = await captureQueries(db, () => listRoleActiveDays(db, { organizationId: organization.id, role: "Sales", from: "2026-01-01", to: "2026-01-02" }));
  const roleActivitySql = probe.queries[0]!.sql;
  /** The role-activity reads `run` sends, as [role, from, to]. */
  const listRoleReads = async (run: () => Promise<unknown>) => {
    const { queries } = await captureQueries(db, run);
    return queries.filter((query) => query.sql === roleActivitySql).map((query) => query.params.filter((param) => typeof param === "string"));
  };
  return { db, organization, viewer, sales, listRoleReads };
}

describe(`role-activity reads of the views on ${getActiveEngine()}`, () => {
  it("employee day: the trend's days without calls read no peers; only a selected day without calls reads its 28 days", async () => {
    const { db, organization, viewer, sales, listRoleReads } = await setUp();
    // A new Sales person whose one call is on Wed 25 Feb: the 29 days of the trend before it have none.
    const nia = await createEmployee(db, organization, { name: "Nia New", title: "Sales" });
    await linkEmployee(db, nia, "u-nia");
    const call = Date.UTC(2026, 1, 25, 9);
    await insertLegs(db, organization.id, [buildLeg("u-nia", { startedAt: call, connectedAt: call, endedAt: call + 10 * 60_000 })]);
    await scoreQueuedDays(db, organization.id);
    let day = await getEmployeeDay(db, viewer, { employeeId: nia.id, date: "2026-02-25", now });
    expect(await listRoleReads(() => getEmployeeDay(db, viewer, { employeeId: nia.id, date: "2026-02-25", now }))).toEqual([]);
    // Tue 27 Jan – Tue 24 Feb: 21 work days at 0 and 8 weekend days without a score.
    const callFree = day.trend.filter((point) => !point.isStored);
    expect(callFree.map((point) => point.score ?? point.noScoreReason).join(" ")).toBe(
      ["0", ...Array.from({ length: 4 }, () => "0 0 0 non_work_day non_work_day 0 0")].join(" "),
    );
    expect([day.trend.at(-1)!.isStored, day.trend.at(-1)!.score]).toEqual([true, day.day.score]);

    // Tue 10 Mar: no call since 1 Mar, so the selected day's breakdown reads the role's 28 days before it.
    const reads = await listRoleReads(() => getEmployeeDay(db, viewer, { employeeId: sales.id, date: "2026-03-10", now }));
    expect(reads).toEqual([["Sales", "2026-02-10", "2026-03-09"]]);
    day = await getEmployeeDay(db, viewer, { employeeId: sales.id, date: "2026-03-10", now });
    // 50 Sales people × 20 stored days (10 Feb – 1 Mar), and Nia's day.
    expect(day.day.breakdown?.signals.map((signal) => [signal.key, signal.baseline, signal.baselineSource, signal.baselineDays])).toEqual([
      ["talkTime", 60_000, "peers", 1001], ["connectedCalls", 3, "peers", 1001],
    ]);
    expect(day.trend.slice(-9).map((point) => point.score)).toEqual([0, 0, 0, 0, 0, null, null, 0, 0]);
  });

  it("team day (with sparklines) and range: every person without calls scored, no peers read", async () => {
    const { db, viewer, listRoleReads } = await setUp();
    const team = await getTeamDay(db, viewer, { date: "2026-03-10", now });
    expect(await listRoleReads(() => getTeamDay(db, viewer, { date: "2026-03-10", now }))).toEqual([]);
    expect(new Set(team.rows.map((row) => row.score))).toEqual(new Set([0]));
    expect(team.rows[0]!.sparkline.map((point) => point.score)).toEqual([50, 50, 50, 50, 50, 0, 0, 0, 0, 0, null, null, 0, 0]);

    const range = await getTeamRange(db, viewer, { from: "2026-02-27", to: "2026-03-10", now });
    expect(await listRoleReads(() => getTeamRange(db, viewer, { from: "2026-02-27", to: "2026-03-10", now }))).toEqual([]);
    expect(range.days.map((day) => day.average)).toEqual([50, 50, 50, 0, 0, 0, 0, 0, null, null, 0, 0]);
  });
});

import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { getActiveEngine } from "@/db/engine";
import { userLegs } from "@/db/engines/sqlite-scores";
import { createTestDb } from "@/tests/db";
import { createOrganization } from "@/tests/factories";
import { listCallLinkIds } from "./call-links";
import { deleteCallsStartedBefore } from "./privacy-retention";
import { listAllLegs } from "./score-rows";
import { listDailyScores, listDayCallEntries, listRoleActiveDays } from "./scores";
import { captureQueries, explainQuery, listPlanIndexes, scansWholeTable } from "./testing/query-plans";
import { seedViewsPlanData } from "./testing/views-plan-data";
import { getCallById, listCallEntries, listLinkedLegs } from "./views";

// The views' queries at 10 M legs live or die by their indexes (issue 17): each query's plan must read
// through the index meant for it. Plans, not times: SQLite plans without statistics the same on any
// size; PostgreSQL plans on the statistics of 20,000 analyzed legs.
async function planOf(db: Db, run: () => Promise<unknown>): Promise<string[]> {
  const { queries } = await captureQueries(db, run);
  expect(queries).toHaveLength(1);
  return explainQuery(db, queries[0]!);
}

async function createPlanDb(): Promise<{ db: Db; organizationId: number }> {
  const db = await createTestDb();
  const { id: organizationId } = await createOrganization(db);
  await seedViewsPlanData(db, organizationId);
  return { db, organizationId };
}

const primaryKey = getActiveEngine() === "postgres" ? ["calls_pkey"] : [];

describe(`view query plans on ${getActiveEngine()}`, () => {
  it("call detail: the call by primary key, its day entries by employee and possible days, its linked legs by a multi-index OR", async () => {
    const { db, organizationId } = await createPlanDb();
    const byId = await planOf(db, () => getCallById(db, { organizationId, callId: 42 }));
    expect(listPlanIndexes(byId)).toEqual(primaryKey);
    expect(scansWholeTable(byId, "calls")).toBe(false);

    // The entries have no index by call: the employee's possible days, the call's id checked in the index.
    const call = { id: 42, startedAt: Date.parse("2026-01-20T23:30:00Z"), connectedAt: null, endedAt: Date.parse("2026-01-21T00:30:00Z") };
    const entries = await planOf(db, () => listCallEntries(db, { organizationId, employeeId: 42, call }));
    expect(listPlanIndexes(entries)).toEqual(["call_day_entries_uq"]);
    expect(entries.join("\n")).toMatch(getActiveEngine() === "postgres"
      ? /Index Cond: \(\(organization_id = .*\) AND \(employee_id = .*\) AND \(day_key >= .*\) AND \(day_key <= .*\) AND \(call_id = /
      : /^SEARCH call_day_entries USING INDEX call_day_entries_uq \(organization_id=\? AND employee_id=\? AND day_key>\? AND day_key<\?\)$/m);
    expect(scansWholeTable(entries, "call_day_entries")).toBe(false);

    const legs = await planOf(db, () => listLinkedLegs(db, { organizationId, graphIds: ["c1001", "c1000", "c999"] }));
    expect(listPlanIndexes(legs)).toEqual(["calls_org_dialpad_call_uq", "calls_org_entry_point_idx", "calls_org_master_idx"]);
    expect(scansWholeTable(legs, "calls")).toBe(false);
  });

  it("employee day: the trend through the employee's own rows, the day's calls through its entries", async () => {
    const { db, organizationId } = await createPlanDb();
    const trend = await planOf(db, () => listDailyScores(db, { organizationId, employeeIds: [7], from: "2026-01-01", to: "2026-01-30" }));
    expect(listPlanIndexes(trend)).toEqual(["daily_scores_employee_day_uq"]);
    const team = await planOf(db, () => listDailyScores(db, { organizationId, employeeIds: [7, 8, 9], from: "2026-01-30", to: "2026-01-30" }));
    expect(listPlanIndexes(team)).toEqual(["daily_scores_employee_day_uq"]);

    const dayCalls = await planOf(db, () => listDayCallEntries(db, { organizationId, employeeId: 7, dayKey: "2026-01-30" }));
    expect(listPlanIndexes(dayCalls)).toEqual(["call_day_entries_uq", ...primaryKey]);
    expect(scansWholeTable(dayCalls, "calls")).toBe(false);

    const links = await planOf(db, () => listCallLinkIds(db, { organizationId, callIds: [41, 42, 43] }));
    expect(listPlanIndexes(links)).toEqual(primaryKey);
    // PostgreSQL's key is (organization_id, id): the organization must be part of the index condition.
    expect(links.join("\n")).toMatch(getActiveEngine() === "postgres" ? /Index Cond: \(\(organization_id = .*id = ANY/ : /USING INTEGER PRIMARY KEY/);

    const baseline = await planOf(db, () => listRoleActiveDays(db, { organizationId, role: "Sales", from: "2026-01-02", to: "2026-01-29" }));
    // PostgreSQL weighs the role's share of the rows: either index bounds the read to the window.
    expect(listPlanIndexes(baseline)).toEqual(getActiveEngine() === "postgres" ? [expect.stringMatching(/^daily_scores_org_(role_)?day_idx$/)] : ["daily_scores_org_role_day_idx"]);
    expect(scansWholeTable(baseline, "daily_scores")).toBe(false);
  });

  it("score recompute: an employee's legs from the covering index alone, never the calls rows", async () => {
    const { db, organizationId } = await createPlanDb();
    // The SQLite recompute runs prepared statements of its own, outside drizzle's query log.
    const query = getActiveEngine() === "sqlite"
      ? { sql: userLegs, params: [organizationId, "u7"] }
      : (await captureQueries(db, () => listAllLegs(db, organizationId, "u7"))).queries[0]!;
    const plan = await explainQuery(db, query, { avoidSeqScan: true });
    expect(plan.join("\n")).toMatch(getActiveEngine() === "sqlite"
      ? /^SEARCH calls USING COVERING INDEX calls_org_user_legs_idx \(organization_id=\? AND dialpad_user_id=\?\)$/
      : /Index Only Scan using calls_org_user_legs_idx/);
  });

  it("deleting calls: legs by primary key, then their entries by the exact keys of call_day_entries_uq", async () => {
    const { db, organizationId } = await createPlanDb();
    const { queries } = await captureQueries(db, () => deleteCallsStartedBefore(db, { organizationId, before: 1767225600000 + 60_000 * 10, limit: 5 }));
    expect(queries.map((query) => query.sql.split(" ")[0]!.toLowerCase())).toEqual(["select", "delete", "select", "delete"]);
    // PostgreSQL scans 20,000 rows rather than probe five ids; planned as if big, it takes the key.
    const legs = await explainQuery(db, queries[1]!, { avoidSeqScan: true });
    expect(legs.join("\n")).toMatch(getActiveEngine() === "postgres" ? /Index Cond: \(\(organization_id = .*id = ANY/ : /USING INTEGER PRIMARY KEY/);
    expect(scansWholeTable(legs, "calls")).toBe(false);
    // Five legs of five employees, five possible days each: 25 (employee, day, call) probes, no foreign-key lookup.
    expect(queries[3]!.params).toHaveLength(1 + 25 * 3);
    const entries = await explainQuery(db, queries[3]!, { avoidSeqScan: true });
    expect(listPlanIndexes(entries)).toEqual(["call_day_entries_uq"]);
    expect(entries.join("\n")).toMatch(getActiveEngine() === "postgres"
      ? /Index Cond: \(\(organization_id = .*\) AND \(employee_id = .*\) AND \(day_key = .*\) AND \(call_id = /
      : /call_day_entries USING (COVERING )?INDEX call_day_entries_uq \(organization_id=\? AND employee_id=\? AND day_key=\? AND call_id=\?\)/);
    expect(scansWholeTable(entries, "call_day_entries")).toBe(false);
    if (getActiveEngine() === "sqlite") {
      // SQLite shows a foreign key's lookup in the plan: deleting a leg touches no other table now.
      const alone = await explainQuery(db, { sql: "DELETE FROM calls WHERE id = ?", params: [42] });
      expect(alone).toEqual(["SEARCH calls USING INTEGER PRIMARY KEY (rowid=?)"]);
    }
  });
});

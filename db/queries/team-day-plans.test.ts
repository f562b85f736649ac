import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { getActiveEngine } from "@/db/engine";
import { createTestDb } from "@/tests/db";
import { createOrganization } from "@/tests/factories";
import { listTeamDayFacts, listTeamScoreHistory } from "./team-day";
import { listTeamPersonNames, selectTeamDayPage } from "./team-day-page";
import { captureQueries, explainQuery, listPlanIndexes, scansWholeTable } from "./testing/query-plans";
import { seedViewsPlanData } from "./testing/views-plan-data";

// The team day reads everyone in scope once, so each person must cost an index probe, never a walk of
// daily_scores (issue 17: 2,000 people over a year of scores).
async function planOf(db: Db, run: () => Promise<unknown>): Promise<string[]> {
  const { queries } = await captureQueries(db, run);
  expect(queries).toHaveLength(1);
  return explainQuery(db, queries[0]!, { avoidSeqScan: true });
}

const isPostgres = getActiveEngine() === "postgres";

describe(`team day query plans on ${getActiveEngine()}`, () => {
  it("reads everyone's day and mapping through indexes, a manager's people by a multi-index OR, and a page's history by employee", async () => {
    const db = await createTestDb();
    const { id: organizationId } = await createOrganization(db);
    await seedViewsPlanData(db, organizationId);

    const everyone = await planOf(db, () => listTeamDayFacts(db, { organizationId, kind: "organization" }, "2026-01-30"));
    expect(scansWholeTable(everyone, "daily_scores")).toBe(false);
    expect(scansWholeTable(everyone, "employee_dialpad_links")).toBe(false);
    // SQLite probes each person's row; PostgreSQL hash-joins the day's rows read by (organization, day).
    expect(listPlanIndexes(everyone)).toEqual(
      isPostgres
        ? ["daily_scores_org_day_idx", "employee_dialpad_links_employee_uq", "employees_manager_idx"]
        : ["daily_scores_employee_day_uq", "employee_dialpad_links_employee_uq", "employees_manager_idx"],
    );

    const reports = await planOf(db, () => listTeamDayFacts(db, { organizationId, kind: "self_and_reports", employeeId: 7 }, "2026-01-30"));
    // A manager's people: a multi-index OR over the primary key and employees_manager_idx, then one probe each.
    expect(listPlanIndexes(reports)).toEqual([
      "daily_scores_employee_day_uq", "employee_dialpad_links_employee_uq", "employees_manager_idx", ...(isPostgres ? ["employees_pkey"] : []),
    ]);
    expect(scansWholeTable(reports, "employees")).toBe(false);

    const history = await planOf(db, () => listTeamScoreHistory(db, { organizationId, employeeIds: [7, 8, 9], from: "2026-01-17", to: "2026-01-30" }));
    expect(listPlanIndexes(history)).toEqual(["daily_scores_employee_day_uq"]);
  });
});

describe(`team day page statement plan on ${getActiveEngine()}`, () => {
  it("looks each person up by primary key and probes their day and mapping, never walking daily_scores", async () => {
    const db = await createTestDb();
    const { id: organizationId } = await createOrganization(db);
    await seedViewsPlanData(db, organizationId);
    const scope = { organizationId, kind: "organization" } as const;
    const people = await listTeamPersonNames(db, scope, { withEmail: false });
    const plan = await planOf(db, () =>
      selectTeamDayPage(db, {
        scope, dayKey: "2026-01-30", orderedIds: people.map((person) => person.employeeId), matchingIds: [1, 2, 3],
        callFreeTitles: [{ title: null, score: 0 }], futureZones: ["UTC"], defaultTimeZone: "UTC", isDayUnsynced: false,
        show: "with-calls", sort: "score", dir: "desc", page: 1, pageSize: 100,
      }),
    );
    expect(scansWholeTable(plan, "daily_scores")).toBe(false);
    expect(scansWholeTable(plan, "employees")).toBe(false);
    // SQLite walks the ordered ids and looks each person up; PostgreSQL hash-joins the day's rows read by (organization, day).
    // Both read the page's names and emails by primary key.
    if (isPostgres) {
      expect(listPlanIndexes(plan)).toEqual([
        "daily_scores_org_day_idx", "employee_dialpad_links_employee_uq", "employees_manager_idx", "employees_pkey",
      ]);
    } else {
      expect(listPlanIndexes(plan)).toEqual(["daily_scores_employee_day_uq", "employee_dialpad_links_employee_uq"]);
      expect(plan).toContain("SEARCH employees USING INTEGER PRIMARY KEY (rowid=?)");
      // Materialized once for the totals and the page, not computed twice.
      expect(plan.filter((line) => line === "MATERIALIZE p")).toHaveLength(1);
    }
  });
});

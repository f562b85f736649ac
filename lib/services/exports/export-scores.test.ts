import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { captureQueries } from "@/db/queries/testing/query-plans";
import type { Organization } from "@/db/schema";
import type { Viewer } from "@/lib/services/access/viewer";
import { createTestDb } from "@/tests/db";
import { createEmployee, createOrganization, createViewer } from "@/tests/factories";
import { exportTeamScores } from "./export-scores";

let db: Db;
let org: Organization;
let admin: Viewer;

beforeEach(async () => {
  db = await createTestDb();
  org = await createOrganization(db, { timezone: "UTC" });
  ({ viewer: admin } = await createViewer(db, org, { role: "admin", hasEmployee: false }));
  for (const name of ["Ann", "Ben", "Cat", "Dan", "Eve"]) await createEmployee(db, org, { name: `${name} Example` });
});

const isScoreBatch = (sql: string) => /select .*"breakdown".* from "daily_scores"/i.test(sql);

describe("exportTeamScores", () => {
  it("reads stored days a batch of people at a time, and only as the body is read", async () => {
    const started = await captureQueries(db, () =>
      exportTeamScores(db, admin, { from: "2026-03-09", to: "2026-03-10", now: Date.UTC(2026, 2, 11), rowsPerBatch: 4 }),
    );
    expect(started.queries.filter((query) => isScoreBatch(query.sql))).toEqual([]);
    const { result, queries } = await captureQueries(db, async () => ({ text: await new Response(started.result.body).text() }));
    const batches = queries.filter((query) => isScoreBatch(query.sql));
    // 5 people × 2 days at 4 rows a batch: 2 people per query (organization, ids, from, to).
    expect(batches.map((query) => query.params.length - 3)).toEqual([2, 2, 1]);
    expect(result.text.split("\r\n").slice(1, -1).map((line) => line.split(",").slice(0, 2).join(" "))).toEqual([
      "2026-03-09 Ann Example", "2026-03-10 Ann Example", "2026-03-09 Ben Example", "2026-03-10 Ben Example",
      "2026-03-09 Cat Example", "2026-03-10 Cat Example", "2026-03-09 Dan Example", "2026-03-10 Dan Example",
      "2026-03-09 Eve Example", "2026-03-10 Eve Example",
    ]);
  });

  it("splits a long range into month windows, each read on its own", async () => {
    const { result, queries } = await captureQueries(db, async () => {
      const csv = await exportTeamScores(db, admin, { from: "2026-01-01", to: "2026-03-10", now: Date.UTC(2026, 2, 11) });
      return (await new Response(csv.body).text()).split("\r\n");
    });
    // 69 days: 31 + 31 + 7; one batch of all 5 people per window.
    expect(queries.filter((query) => isScoreBatch(query.sql)).map((query) => [query.params.at(-2), query.params.at(-1)])).toEqual([
      ["2026-01-01", "2026-01-31"], ["2026-02-01", "2026-03-03"], ["2026-03-04", "2026-03-10"],
    ]);
    expect(result.length).toBe(1 + 5 * 69 + 1);
  });
});

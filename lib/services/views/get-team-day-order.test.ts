import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { getActiveEngine } from "@/db/engine";
import { upsertDialpadConnection } from "@/db/queries/dialpad-connections";
import { upsertScoreSetting } from "@/db/queries/scores";
import { insertSyncRun } from "@/db/queries/sync";
import { countCapturedRows } from "@/db/queries/testing/count-captured-rows";
import { captureQueries, type CapturedQuery } from "@/db/queries/testing/query-plans";
import { dailyScores, employeeDialpadLinks, type Employee, type Organization } from "@/db/schema";
import type { Viewer } from "@/lib/services/access/viewer";
import { listTeamDay } from "@/lib/services/scores/list-team-day";
import { createTestDb } from "@/tests/db";
import { createEmployee, createOrganization, createViewer } from "@/tests/factories";
import { getTeamDay, toTeamPerson, type TeamPerson } from "./get-team-day";
import { parseTeamDayQuery, selectTeamPage, teamShowOptions, teamSortColumns } from "./team-day-query";

// The team day pages in SQL (db/queries/team-day-page.ts); the reference is the JavaScript it replaced:
// listTeamDay (everyone) → toTeamPerson → selectTeamPage. Tue 10 Mar 2026 at 05:00 UTC: still 9 Mar in Los Angeles.
const dayKey = "2026-03-10";
const now = Date.UTC(2026, 2, 10, 5);

type Person = { name: string; dialpadUserId?: string; title?: string; timezone?: string; day?: Partial<typeof dailyScores.$inferInsert> };
const stored = (score: number | null, extra: Partial<typeof dailyScores.$inferInsert> = {}) => ({ score, ...extra });

/** Ties in every column, mixed case, accents, punctuation, twice the same name, and every kind of day without a row. */
const people: Person[] = [
  { name: "anna", dialpadUserId: "u1", day: stored(40, { talkMs: 600_000, connectedCalls: 3 }) },
  { name: "Anna", dialpadUserId: "u2", day: stored(40, { talkMs: 600_000, connectedCalls: 3 }) },
  { name: "ANNA", dialpadUserId: "u3" }, // call-free, default role: 0
  { name: "Émile", dialpadUserId: "u4", day: stored(40, { connectedCalls: 2 }) },
  { name: "Emile", dialpadUserId: "u5", day: stored(null, { noScoreReason: "no_baseline", talkMs: 1_000 }) },
  { name: "Eve", dialpadUserId: "u6", day: stored(null, { noScoreReason: "pending", breakdown: "", missedCalls: 2 }) },
  { name: "O'Brien", dialpadUserId: "u7", title: " Closer " }, // call-free, role "Closer": 0
  { name: "Obama", dialpadUserId: "u8", title: "Setter" }, // call-free, a role with no weights: none
  { name: "Bob" }, // not mapped: none
  { name: "Bob", dialpadUserId: "u10", timezone: "America/Los_Angeles" }, // the day has not started there: none
  { name: "bob", dialpadUserId: "u11", day: stored(0, { connectedCalls: 1, missedCalls: 2 }) },
  { name: "Mary Ann", dialpadUserId: "u12", day: stored(90, { talkMs: 50_000 }) },
  { name: "Maryann", dialpadUserId: "u13", day: stored(40, { voicemailsLeft: 1 }) },
  { name: "mary-ann", day: stored(70, { voicemailsReceived: 2 }) }, // unmapped since, with a stored day
  { name: "Zoë", dialpadUserId: "u15", title: "Closer" },
  { name: "zoe", dialpadUserId: "u16", day: stored(100, { talkMs: 50_000 }) },
  // 120 more, so that "all" is two pages: scores 0–100 with ties, every seventh unmapped.
  ...Array.from({ length: 120 }, (_, i): Person => ({
    name: `Filler ${String(i).padStart(3, "0")}`,
    ...(i % 7 === 0 ? {} : { dialpadUserId: `f${i}` }),
    day: i % 5 === 0 ? undefined : stored((i * 13) % 101, { talkMs: (i % 4) * 1_000, connectedCalls: i % 3 }),
  })),
];

let db: Db;
let org: Organization;
let admin: Viewer;
let employees: Employee[];

beforeEach(async () => {
  db = await createTestDb();
  org = await createOrganization(db, { timezone: "UTC" });
  admin = (await createViewer(db, org, { role: "admin", hasEmployee: false })).viewer;
  await upsertScoreSetting(db, { organizationId: org.id, role: "Setter" }, {
    talkTimeWeight: 0, connectedCallsWeight: 0, defaultTalkTimeTargetMs: 0, defaultConnectedCallsTarget: 0, updatedAt: 0,
  });
  employees = [];
  for (const [index, person] of people.entries()) {
    const email = `${index < 16 ? "team" : "bulk"}-${index}-${org.id}@example.com`;
    employees.push(await createEmployee(db, org, { name: person.name, email, title: person.title ?? null, timezone: person.timezone ?? null }));
  }
  const mapped = people.flatMap((person, index) => (person.dialpadUserId ? [{ person, employee: employees[index]! }] : []));
  await db.insert(employeeDialpadLinks).values(mapped.map(({ person, employee }) => ({
    organizationId: org.id, employeeId: employee.id, dialpadUserId: person.dialpadUserId!, method: "manual" as const, createdAt: 0, updatedAt: 0,
  })));
  const days = people.flatMap((person, index) => (person.day ? [{ day: person.day, employee: employees[index]! }] : []));
  await db.insert(dailyScores).values(days.map(({ day, employee }) => ({
    organizationId: org.id, employeeId: employee.id, dayKey, role: (employee.title ?? "").trim(), noScoreReason: null,
    talkMs: 0, connectedCalls: 0, voicemailsLeft: 0, voicemailsReceived: 0, missedCalls: 0, notAnsweredCalls: 0,
    hasActivity: true, breakdown: "{}", factsHash: "h", computedAt: 0, ...day, score: day.score ?? null,
  })));
  await upsertDialpadConnection(db, {
    organizationId: org.id, status: "connected", dialpadCompanyId: "c1", companyName: "Co", companyDomain: org.domain,
    connectedByName: "Ada", connectedAt: 0, lastSyncAt: now, updatedAt: 0,
  });
  await insertSyncRun(db, {
    organizationId: org.id, kind: "backfill", trigger: "connect", windowsTotal: 1, activeSince: 0, startedAt: 0, updatedAt: 0,
    status: "succeeded", rangeStart: Date.UTC(2026, 2, 1), rangeEnd: now, windowEnd: Date.UTC(2026, 2, 1),
  });
});

const view = (row: Pick<TeamPerson, "employeeId" | "name" | "score">) => [row.name, row.score, row.employeeId];

describe(`team day pages in SQL on ${getActiveEngine()}`, () => {
  it("places ties, unscored people and call-free days exactly where the JavaScript sort did", async () => {
    const names = async (query: Record<string, string>) =>
      (await getTeamDay(db, admin, { date: dayKey, now, query: { q: "team-", show: "all", ...query } })).rows.map((row) => row.name);
    const unscored = ["Bob", "Bob", "Emile", "Eve", "Obama"];
    expect(await names({ sort: "score" })).toEqual([
      "zoe", "Mary Ann", "mary-ann", "anna", "Anna", "Émile", "Maryann", "ANNA", "bob", "O'Brien", "Zoë", ...unscored,
    ]);
    expect(await names({ sort: "score", dir: "asc" })).toEqual([
      "ANNA", "bob", "O'Brien", "Zoë", "anna", "Anna", "Émile", "Maryann", "mary-ann", "Mary Ann", "zoe", ...unscored,
    ]);
    const byName = ["anna", "Anna", "ANNA", "bob", "Bob", "Bob", "Emile", "Eve", "Mary Ann", "mary-ann", "Maryann", "O'Brien", "Obama", "zoe", "Zoë", "Émile"];
    expect(await names({ sort: "name" })).toEqual(byName);
    expect(await names({ sort: "name", dir: "desc" })).toEqual([
      "Émile", "Zoë", "zoe", "Obama", "O'Brien", "Maryann", "mary-ann", "Mary Ann", "Eve", "Emile", "bob", "Bob", "Bob", "anna", "Anna", "ANNA",
    ]);
    const team = await getTeamDay(db, admin, { date: dayKey, now, query: { q: "team-", show: "all", sort: "name" } });
    const bobs = team.rows.filter((row) => row.name === "Bob").map((row) => [row.employeeId, row.score, row.noScoreReason, row.isFuture]);
    expect(bobs).toEqual([[employees[8]!.id, null, null, false], [employees[9]!.id, null, null, true]]);
    // Ties go by the "en" collation (accents after the plain letter, lower case first), not by code unit.
    expect(await names({ sort: "missed" })).toEqual([
      "bob", "Eve", "anna", "Anna", "ANNA", "Bob", "Bob", "Emile", "Émile", "Mary Ann", "mary-ann", "Maryann", "O'Brien", "Obama", "zoe", "Zoë",
    ]);
    expect(await names({ q: "ÉMILE", sort: "name" })).toEqual(["Émile"]);
  });

  it("gives the same page, counts and averages as the JavaScript for every sort, direction, filter and page", async () => {
    const everyone = (await listTeamDay(db, admin, dayKey, { now })).map((row) => toTeamPerson(row, false));
    const more = [{ page: "2" }, { page: "9" }, { q: "ann" }, { q: "FILLER 01", show: "mapped" }];
    for (const sort of teamSortColumns) {
      for (const dir of ["asc", "desc"]) {
        for (const extra of [...teamShowOptions.map((show) => ({ show })), ...more.map((more) => ({ show: "all", ...more }))]) {
          const query = { sort, dir, ...extra };
          const [team, old] = [await getTeamDay(db, admin, { date: dayKey, now, query }), selectTeamPage(everyone, parseTeamDayQuery(query))];
          expect([team.matchCount, team.pageCount, team.query.page], JSON.stringify(query)).toEqual([old.matchCount, old.pageCount, old.page]);
          expect(team.rows.map(view), JSON.stringify(query)).toEqual(old.rows.map(view));
        }
      }
    }
    const team = await getTeamDay(db, admin, { date: dayKey, now });
    // 136 people, 116 mapped (18 fillers and 2 of the 16 are not).
    expect([team.peopleCount, team.unmappedCount, team.matchCount, team.pageCount]).toEqual([136, 20, 116, 2]);
    // 127 scored: 8 of the 16 stored and 3 call-free, 96 fillers stored and 20 call-free.
    const average = { score: 40, scoredCount: 127, talkMs: 12_276, connectedCalls: 0.8, voicemails: 0, mappedCount: 116 };
    expect(team.average).toEqual(average);
    expect(computeOldAverage(everyone)).toEqual(average);
  });

  it("reads one page of rows in one statement, and a light list of names for the order", async () => {
    const run = (page: string) => captureQueries(db, () => getTeamDay(db, admin, { date: dayKey, now, query: { show: "all", page } }));
    const { result: first, queries } = await run("1");
    const { result: second, queries: secondQueries } = await run("2");
    expect([first.rows.length, second.rows.length]).toEqual([100, 36]);
    const pageStatement = (list: CapturedQuery[]) => list.filter((query) => query.sql.includes("row_number()"));
    expect([pageStatement(queries).length, pageStatement(secondQueries).length]).toEqual([1, 1]);
    // The page statement returns the page's rows (the totals ride on each); only the name list reads everyone, without their day.
    expect([await countRows(pageStatement(queries)[0]!), await countRows(pageStatement(secondQueries)[0]!)]).toEqual([100, 36]);
    const nameList = queries.filter((query) => query.sql.includes('NULL AS email'));
    expect(nameList).toHaveLength(1);
    expect(await countRows(nameList[0]!)).toBe(136);
    // Besides the page statement, daily_scores is read once: the sparklines of the page's people (organization, from, to and their ids).
    const otherDayReads = (list: CapturedQuery[]) =>
      list.filter((query) => query.sql.includes('"daily_scores"') && !query.sql.includes("row_number()")).map((query) => query.params.length);
    expect([otherDayReads(queries), otherDayReads(secondQueries)]).toEqual([[103], [39]]);
  });
});

/** computeTeamAverage as it was, over everyone's rows. */
function computeOldAverage(rows: readonly TeamPerson[]) {
  const scored = rows.filter((row) => row.score !== null);
  const mapped = rows.filter((row) => row.isMapped);
  const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);
  const oneDecimal = (n: number) => Math.round(n * 10) / 10;
  return {
    score: scored.length === 0 ? null : Math.round(mean(scored.map((row) => row.score!))),
    scoredCount: scored.length,
    talkMs: Math.round(mean(mapped.map((row) => row.talkMs))),
    connectedCalls: oneDecimal(mean(mapped.map((row) => row.connectedCalls))),
    voicemails: oneDecimal(mean(mapped.map((row) => row.voicemailsLeft + row.voicemailsReceived))),
    mappedCount: mapped.length,
  };
}

const countRows = (query: CapturedQuery) => countCapturedRows(db, query);

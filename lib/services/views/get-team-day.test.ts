import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { upsertDialpadConnection } from "@/db/queries/dialpad-connections";
import { insertSyncRun } from "@/db/queries/sync";
import type { Organization } from "@/db/schema";
import type { Viewer } from "@/lib/services/access/viewer";
import { createTestDb } from "@/tests/db";
import { createEmployee, createOrganization, createViewer } from "@/tests/factories";
import { getTeamDay } from "./get-team-day";
import { buildLeg, insertLegs, linkEmployee, scoreQueuedDays } from "./testing/arrange-day";

const MIN = 60_000;
const at = (day: number, hour: number) => Date.UTC(2026, 2, day, hour);
const now = at(11, 12);

let db: Db;
let org: Organization;
let manager: Viewer;

/** Dialpad connected, last synced at `now`, with a history that starts on 4 Mar. */
async function arrangeSyncedHistory() {
  await upsertDialpadConnection(db, {
    organizationId: org.id, status: "connected", dialpadCompanyId: "c1", companyName: "Co", companyDomain: org.domain,
    connectedByName: "Ada", connectedAt: 0, lastSyncAt: now, updatedAt: 0,
  });
  await insertSyncRun(db, {
    organizationId: org.id, kind: "backfill", trigger: "connect", windowsTotal: 1, activeSince: 0, startedAt: 0, updatedAt: 0,
    status: "succeeded", rangeStart: at(4, 0), rangeEnd: now, windowEnd: at(4, 0),
  });
}

beforeEach(async () => {
  db = await createTestDb();
  org = await createOrganization(db, { timezone: "UTC" });
  const boss = await createViewer(db, org, { role: "manager", name: "Mona Manager" });
  manager = boss.viewer;
  const rita = await createEmployee(db, org, { name: "Rita Report", managerId: boss.employee!.id, email: `rita-${org.id}@example.com` });
  await createEmployee(db, org, { name: "Una Unmapped", managerId: boss.employee!.id });
  await createEmployee(db, org, { name: "Hal Hidden", managerId: boss.employee!.id, hiddenAt: now });
  await createEmployee(db, org, { name: "Someone Else" });
  await linkEmployee(db, boss.employee!, "u-mona");
  await linkEmployee(db, rita, "u-rita");
  // Tue 10 Mar: 3 calls of 10 minutes; Mon 9 Mar: 10 calls of 6 minutes (the default targets).
  const legs = [
    ...[9, 10, 11].map((hour) => buildLeg("u-rita", { startedAt: at(10, hour), connectedAt: at(10, hour), endedAt: at(10, hour) + 10 * MIN })),
    ...Array.from({ length: 10 }, (_, i) => buildLeg("u-rita", { startedAt: at(9, 8 + i), connectedAt: at(9, 8 + i), endedAt: at(9, 8 + i) + 6 * MIN })),
  ];
  await insertLegs(db, org.id, legs);
  await scoreQueuedDays(db, org.id);
});

describe("getTeamDay", () => {
  it("lists mapped people by score with sparklines and deltas, folds the unmapped into a count, and leaves hidden people out", async () => {
    await arrangeSyncedHistory();
    const team = await getTeamDay(db, manager, { date: "2026-03-10", now });
    expect(team.dayKey).toBe("2026-03-10");
    expect(team.status).toEqual({ kind: "complete", lastSyncAt: now });
    expect(team.query).toEqual({ q: "", show: "mapped", sort: "score", dir: "desc", page: 1 });
    expect(team.rows.map((row) => [row.name, row.score, row.delta, row.talkMs, row.connectedCalls])).toEqual([
      ["Rita Report", 25, 10, 30 * MIN, 3],
      ["Mona Manager", 0, 0, 0, 0],
    ]);
    // 25 Feb … 10 Mar: days before the history (4 Mar) are gaps, call-free work days score 0, weekends none;
    // the 7 days before 10 Mar average (0 + 0 + 0 + 60) / 4 = 15, so the delta is 25 - 15.
    expect(team.rows[0]!.sparkline.map((point) => point.score)).toEqual(
      [null, null, null, null, null, null, null, 0, 0, 0, null, null, 60, 25],
    );
    expect(team.rows[0]!.sparkline[0]).toEqual({ dayKey: "2026-02-25", score: null });
    expect([team.peopleCount, team.unmappedCount, team.matchCount, team.pageCount]).toEqual([3, 1, 2, 1]);
    expect(team.average).toEqual({ score: 13, scoredCount: 2, talkMs: 15 * MIN, connectedCalls: 1.5, voicemails: 0, mappedCount: 2 });
  });

  it("shows no score and no average for a day before the synced history", async () => {
    await arrangeSyncedHistory();
    const team = await getTeamDay(db, manager, { date: "2026-03-03", now });
    expect(team.status).toEqual({ kind: "not_synced_yet", historyStart: at(4, 0) });
    expect(team.rows.map((row) => [row.name, row.score, row.noScoreReason, row.delta])).toEqual([
      ["Mona Manager", null, "not_synced", null],
      ["Rita Report", null, "not_synced", null],
    ]);
    expect(team.average.score).toBeNull();
  });

  it("searches, filters, sorts and lists the unmapped on request, with averages still over everyone", async () => {
    await arrangeSyncedHistory();
    const byName = await getTeamDay(db, manager, { date: "2026-03-10", now, query: { show: "all", sort: "name" } });
    expect(byName.rows.map((row) => [row.name, row.score, row.noScoreReason])).toEqual([
      ["Mona Manager", 0, null],
      ["Rita Report", 25, null],
      ["Una Unmapped", null, null],
    ]);
    expect(byName.query.dir).toBe("asc");
    const notMapped = await getTeamDay(db, manager, { date: "2026-03-10", now, query: { show: "not-mapped" } });
    expect(notMapped.rows.map((row) => row.name)).toEqual(["Una Unmapped"]);
    const search = await getTeamDay(db, manager, { date: "2026-03-10", now, query: { q: ` RITA-${org.id}@ `, show: "all" } });
    expect(search.rows.map((row) => row.name)).toEqual(["Rita Report"]);
    expect([search.matchCount, search.average.scoredCount, search.average.score]).toEqual([1, 2, 13]);
    const withCalls = await getTeamDay(db, manager, { date: "2026-03-10", now, query: { show: "with-calls", sort: "talk", dir: "asc" } });
    expect(withCalls.rows.map((row) => row.name)).toEqual(["Rita Report"]);
  });

  it("shows no scores for days without calls before any sync, and today for a date it cannot read", async () => {
    const unsynced = await getTeamDay(db, manager, { date: "2026-03-10", now });
    expect(unsynced.rows.map((row) => [row.name, row.score])).toEqual([["Rita Report", 25], ["Mona Manager", null]]);
    const team = await getTeamDay(db, manager, { date: "2026-13-01", now });
    expect([team.dayKey, team.today, team.rejectedInput]).toEqual(["2026-03-11", "2026-03-11", "2026-13-01"]);
  });
});

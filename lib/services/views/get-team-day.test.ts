import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
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

beforeEach(async () => {
  db = await createTestDb();
  org = await createOrganization(db, { timezone: "UTC" });
  const boss = await createViewer(db, org, { role: "manager", name: "Mona Manager" });
  manager = boss.viewer;
  const rita = await createEmployee(db, org, { name: "Rita Report", managerId: boss.employee!.id });
  await createEmployee(db, org, { name: "Una Unmapped", managerId: boss.employee!.id });
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
  it("lists the manager's people with the day's facts, 14-day sparklines and the team average", async () => {
    const team = await getTeamDay(db, manager, { date: "2026-03-10", now });
    expect(team.dayKey).toBe("2026-03-10");
    expect(team.rows.map((row) => [row.name, row.isMapped, row.score, row.talkMs, row.connectedCalls])).toEqual([
      ["Mona Manager", true, 0, 0, 0],
      ["Rita Report", true, 25, 30 * MIN, 3],
      ["Una Unmapped", false, null, 0, 0],
    ]);
    const rita = team.rows[1]!;
    // 25 Feb … 10 Mar: call-free work days score 0, weekends have no score.
    expect(rita.sparkline).toEqual([0, 0, 0, null, null, 0, 0, 0, 0, 0, null, null, 60, 25]);
    expect(team.rows[2]!.sparkline).toEqual(Array(14).fill(null));
    expect(team.average).toEqual({ score: 13, scoredCount: 2, talkMs: 15 * MIN, connectedCalls: 1.5, voicemails: 0, mappedCount: 2 });
  });

  it("shows today with a message for a date it cannot read", async () => {
    const team = await getTeamDay(db, manager, { date: "2026-13-01", now });
    expect([team.dayKey, team.today, team.rejectedInput]).toEqual(["2026-03-11", "2026-03-11", "2026-13-01"]);
  });
});

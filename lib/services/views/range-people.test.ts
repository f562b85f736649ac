import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { upsertScoreSetting } from "@/db/queries/scores";
import type { Organization } from "@/db/schema";
import { createTestDb } from "@/tests/db";
import { createEmployee, createOrganization } from "@/tests/factories";
import { scoreCallFreeRange, scoreCallFreeRangeScores, toRangePeople } from "./range-people";
import { buildLeg, insertLegs, linkEmployee, scoreQueuedDays } from "./testing/arrange-day";

const MIN = 60_000;
const at = (day: number, hour: number) => Date.UTC(2026, 2, day, hour);
let db: Db;
let org: Organization;

beforeEach(async () => {
  db = await createTestDb();
  org = await createOrganization(db, { timezone: "UTC" });
});

describe("scoreCallFreeRangeScores", () => {
  it("gives the same scores as the full baselines, reading peers only for a role with a weighted target of 0", async () => {
    // "Zero talk": talk time weighted with no default target, so only its peers' median can score it.
    await upsertScoreSetting(db, { organizationId: org.id, role: "Zero talk" }, {
      talkTimeWeight: 3, connectedCallsWeight: 0, defaultTalkTimeTargetMs: 0, defaultConnectedCallsTarget: 10, updatedAt: 0,
    });
    const employees = [];
    for (const [i, title] of ["Closer", "Zero talk", "Zero talk", "Zero talk", "Zero talk", "Zero talk", null].entries()) {
      const employee = await createEmployee(db, org, { name: `P${i}`, title });
      await linkEmployee(db, employee, `u${i}`);
      employees.push(employee);
    }
    // Five "Zero talk" people talk on Mon 2 Mar: from Tue 3 Mar their role has a peer baseline.
    await insertLegs(db, org.id, [1, 2, 3, 4, 5].map((i) => buildLeg(`u${i}`, { startedAt: at(2, 9), connectedAt: at(2, 9), endedAt: at(2, 9) + 5 * MIN })));
    await scoreQueuedDays(db, org.id);
    const people = await toRangePeople(db, org, employees, at(20, 0));
    const range = { from: "2026-03-01", to: "2026-03-10" };
    const full = await scoreCallFreeRange(db, org, people, range);
    const fast = await scoreCallFreeRangeScores(db, org, people, range);
    const pick = (map: Map<string, Map<string, { score: number | null; noScoreReason: string | null }>>) =>
      [...map].map(([role, days]) => [role, [...days].map(([day, s]) => `${day} ${s.score ?? s.noScoreReason}`)]);
    expect(pick(fast)).toEqual(pick(full));
    expect(pick(fast).find(([role]) => role === "Zero talk")![1]!.slice(0, 4)).toEqual([
      "2026-03-01 non_work_day", "2026-03-02 no_baseline", "2026-03-03 0", "2026-03-04 0",
    ]);
  });
});

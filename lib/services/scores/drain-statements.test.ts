import { describe, expect, it } from "vitest";
import { getActiveEngine } from "@/db/engine";
import { hasQueuedScoreWork } from "@/db/queries/score-queue";
import { countStatements } from "@/db/testing/count-statements";
import { createEmployee, createOrganization } from "@/tests/factories";
import { createTestDb } from "@/tests/db";
import { drainScoreQueue } from "./drain-score-queue";
import { MIN, linkEmployee, readDay, storeLegs, utc } from "./testing";

const engine = getActiveEngine();
// Every statement the drain of one new call sends (PostgreSQL: each one a round trip), BEGIN and
// COMMIT included, so a change that adds one shows here. Before the drain was trimmed: 49 and 51.
// PostgreSQL: claim (with the calls lock), who is mapped, the recompute (begin, lock, delete its queue
// rows, state, legs, call graphs, stored days, days, entries, role rows, commit), the role claim, the
// rescore (begin, lock, delete its queue rows, state, the role's rows, scores, commit), the outlook.
// SQLite runs a statement per changed row where PostgreSQL sends one array, and wraps the claim in
// BEGIN IMMEDIATE … COMMIT. SQLite also reads each rescored day's sample breakdown by id in a statement
// of its own (score-role-rows.ts listRoleWindow): no round trip, and cheaper than choosing it in SQL.
const budget = { sqlite: 27, postgres: 22 }[engine];

describe(`draining one new call (${engine})`, () => {
  it(`sends at most ${budget} statements`, async () => {
    const db = await createTestDb();
    const organization = await createOrganization(db, { timezone: "America/New_York" });
    const employees = [];
    for (let i = 0; i < 3; i++) {
      const employee = await createEmployee(db, organization, { title: "Sales" });
      await linkEmployee(db, employee, `u${i}`);
      employees.push(employee);
    }
    const start = utc("2026-03-02T14:00:00Z");
    await storeLegs(db, organization.id, employees.flatMap((_, i) => Array.from({ length: 20 }, (_, day) => {
      const at = start + day * 24 * 60 * MIN + i * 7 * MIN;
      return { dialpadCallId: `${i}-${day}`, dialpadUserId: `u${i}`, startedAt: at, connectedAt: at, endedAt: at + (5 + i + day) * MIN };
    })));
    await drainScoreQueue(db, organization.id);
    const at = start + 10 * 24 * 60 * MIN + 3 * 60 * MIN;
    await storeLegs(db, organization.id, [{ dialpadCallId: "new", dialpadUserId: "u0", startedAt: at, connectedAt: at, endedAt: at + 30 * MIN }]);
    const { statements } = await countStatements(db, () => drainScoreQueue(db, organization.id));
    expect(statements.length, statements.map((text) => text.replace(/\s+/g, " ").slice(0, 100)).join("\n")).toBeLessThanOrEqual(budget);
    const day = await readDay(db, employees[0]!, "2026-03-12");
    expect([day?.talkMs, day?.breakdown?.noScoreReason]).toEqual([45 * MIN, null]);
    expect(await hasQueuedScoreWork(db, organization.id)).toBe(false);
  });
});

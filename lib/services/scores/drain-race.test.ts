import { afterEach, describe, expect, it, vi } from "vitest";
import { closeDatabase, openDatabase, type Db } from "@/db/client";
import { getActiveEngine } from "@/db/engine";
import { hasQueuedScoreWork } from "@/db/queries/score-queue";
import { deleteOrganizationScores } from "@/db/queries/scores";
import type { Employee } from "@/db/schema";
import { createEmployee, createOrganization } from "@/tests/factories";
import { createTestDb, testDatabaseUrl } from "@/tests/db";
import { drainScoreQueue } from "./drain-score-queue";
import { recomputeOrganizationScores } from "./queue-recompute";
import * as recomputeModule from "./recompute-employee";
import { MIN, linkEmployee, readEntries, snapshotScores, storeLegs, utc } from "./testing";

afterEach(() => {
  vi.restoreAllMocks();
});

const leg = (id: string, user: string, at: number, minutes: number) =>
  ({ dialpadCallId: id, dialpadUserId: user, startedAt: at, connectedAt: at, endedAt: at + minutes * MIN });
const start = utc("2026-03-02T14:00:00Z");
const dayMs = 24 * 60 * MIN;

/** Six employees in two roles, each with three calls a day on 20 days, all queued and none drained. */
async function arrange(db: Db) {
  const organization = await createOrganization(db, { timezone: "America/New_York" });
  const employees: Employee[] = [];
  for (let i = 0; i < 6; i++) {
    const employee = await createEmployee(db, organization, { title: i % 2 ? "Sales" : "Support" });
    await linkEmployee(db, employee, `u${i}`);
    employees.push(employee);
  }
  await storeLegs(db, organization.id, employees.flatMap((_, i) => Array.from({ length: 60 }, (_, n) => {
    const at = start + Math.floor(n / 3) * dayMs + (n % 3) * 90 * MIN + i * 7 * MIN;
    return leg(`${i}-${n}`, `u${i}`, at, 5 + ((n * 7 + i * 3) % 40));
  })));
  return { organization, employees };
}

/** Runs `during` before each employee recompute, while the drain holds its claimed rows. */
function beforeEachRecompute(during: (handle: Db, call: number, employeeId: number) => Promise<void>) {
  const recompute = recomputeModule.recomputeEmployee;
  let calls = 0;
  vi.spyOn(recomputeModule, "recomputeEmployee").mockImplementation(async (handle, organizationId, employeeId, ...rest) => {
    await during(handle, ++calls, employeeId);
    return recompute(handle, organizationId, employeeId, ...rest);
  });
}

/** The drained scores equal a recompute from scratch. */
async function expectFullRecomputeEqual(db: Db, organizationId: number) {
  const drained = await snapshotScores(db, organizationId);
  expect(drained.days.length).toBeGreaterThan(100);
  expect(drained.days.filter((day) => day.breakdown === "")).toEqual([]);
  vi.restoreAllMocks();
  await deleteOrganizationScores(db, organizationId);
  await recomputeOrganizationScores(db, organizationId);
  expect(drained).toEqual(await snapshotScores(db, organizationId));
}

describe(`draining the score queue (${getActiveEngine()})`, () => {
  it("keeps a row queued during a drain and works it in the same drain", async () => {
    const db = await createTestDb();
    const { organization, employees } = await arrange(db);
    // A call on u0's second day, once u0's employee was recomputed: the drain has claimed that day's
    // row, so the change needs a row of its own, which the drain must neither delete nor miss.
    const recomputed = new Set<number>();
    let isLateStored = false;
    beforeEachRecompute(async (handle, _call, employeeId) => {
      if (!isLateStored && recomputed.has(employees[0]!.id)) {
        await storeLegs(handle, organization.id, [leg("late", "u0", start + dayMs + 6 * 60 * MIN, 30)]);
        isLateStored = true;
      }
      recomputed.add(employeeId);
    });
    await drainScoreQueue(db, organization.id);
    expect(isLateStored).toBe(true);
    expect(await hasQueuedScoreWork(db, organization.id)).toBe(false);
    expect((await readEntries(db, employees[0]!, "2026-03-03")).map((entry) => entry[0])).toContain("late");
    await expectFullRecomputeEqual(db, organization.id);
  }, 60_000);

  it("gives two drains on two connections the scores of a full recompute, with calls arriving meanwhile", async () => {
    const db = await createTestDb();
    const second = openDatabase(testDatabaseUrl(db));
    try {
      const { organization } = await arrange(db);
      const drains: Promise<void>[] = [];
      // The first eight recomputes each let a call arrive through the other connection; at the second,
      // that connection's drain is asked to run too, so both work on the queue at once.
      beforeEachRecompute(async (handle, call) => {
        if (call > 8) return;
        const other = handle === db ? second : db;
        await storeLegs(other, organization.id, [leg(`new-${call}`, `u${call % 6}`, start + (call % 20) * dayMs + 8 * 60 * MIN, 20)]);
        if (call === 2) drains.push(drainScoreQueue(other, organization.id));
      });
      drains.push(drainScoreQueue(db, organization.id), drainScoreQueue(second, organization.id));
      const settled: PromiseSettledResult<void>[] = [];
      while (settled.length < drains.length) settled.push(...(await Promise.allSettled(drains.slice(settled.length))));
      expect(settled.filter((result) => result.status === "rejected")).toEqual([]);
      expect(drains).toHaveLength(3);
      // A drain that worked a row looks again, so the calls stored meanwhile are scored too.
      expect(await hasQueuedScoreWork(db, organization.id)).toBe(false);
      await expectFullRecomputeEqual(db, organization.id);
    } finally {
      await closeDatabase(second);
    }
  }, 60_000);
});

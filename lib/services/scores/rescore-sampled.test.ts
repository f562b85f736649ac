// A role rescore of the days a new call feeds writes only the rows whose score changed without reading
// every row's breakdown: when no baseline moves, the call's own day is the only row written.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { deleteOrganizationScores, listOrganizationScores } from "@/db/queries/scores";
import { createEmployee, createOrganization } from "@/tests/factories";
import { createTestDb } from "@/tests/db";
import { drainScoreQueue } from "./drain-score-queue";
import { recomputeOrganizationScores } from "./queue-recompute";
import { MIN, linkEmployee, snapshotScores, storeLegs, utc } from "./testing";

const days = ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"];
const call = (id: string, user: string, day: string, minutes: number, hour = 15) => {
  const startedAt = utc(`${day}T${hour}:00:00Z`);
  return { dialpadCallId: id, dialpadUserId: user, direction: "outbound" as const, startedAt, connectedAt: startedAt, endedAt: startedAt + minutes * MIN };
};

/** Six Sales people, person i talking 10 × (i + 1) minutes in one call every day: a talk-time median of 35 minutes. */
async function setUp() {
  const db = await createTestDb();
  const organization = await createOrganization(db, { timezone: "America/New_York" });
  for (let i = 0; i < 6; i++) {
    const employee = await createEmployee(db, organization, { title: "Sales" });
    await linkEmployee(db, employee, `u${i}`);
    await storeLegs(db, organization.id, days.map((day) => call(`${i}-${day}`, `u${i}`, day, 10 * (i + 1))));
  }
  await drainScoreQueue(db, organization.id);
  return { db, organizationId: organization.id };
}

/** Drains at a fixed clock and lists the rows it wrote (their computedAt is that clock). */
async function drainAndListWritten(db: Db, organizationId: number) {
  const at = utc("2030-01-01T00:00:00Z");
  vi.useFakeTimers({ toFake: ["Date"], now: at });
  await drainScoreQueue(db, organizationId);
  vi.useRealTimers();
  const { days: rows } = await listOrganizationScores(db, organizationId);
  return rows.filter((row) => row.computedAt === at).map((row) => [row.dayKey, row.talkMs / MIN]);
}

/** The incremental result equals a recompute from scratch. */
async function expectSameAsFullRecompute(db: Db, organizationId: number) {
  const incremental = await snapshotScores(db, organizationId);
  await deleteOrganizationScores(db, organizationId);
  await recomputeOrganizationScores(db, organizationId);
  expect(await snapshotScores(db, organizationId)).toEqual(incremental);
}

afterEach(() => vi.useRealTimers());

describe("rescoring after a new call", () => {
  it("writes only the call's own day when no baseline moves", async () => {
    const { db, organizationId } = await setUp();
    // The busiest person (60 minutes) talks 5 more: still above the median, which stays 35 minutes.
    await storeLegs(db, organizationId, [call("new", "u5", "2026-03-05", 5, 17)]);
    expect(await drainAndListWritten(db, organizationId)).toEqual([["2026-03-05", 65]]);
    await expectSameAsFullRecompute(db, organizationId);
  });

  it("writes the call's day and every row of the days whose baseline moved", async () => {
    const { db, organizationId } = await setUp();
    // The quietest person (10 minutes) talks 100 more on Thursday: Friday's median goes from 35 to 40 minutes.
    await storeLegs(db, organizationId, [call("new", "u0", "2026-03-05", 100, 17)]);
    expect(await drainAndListWritten(db, organizationId)).toEqual([
      ["2026-03-05", 110], ["2026-03-06", 10], ["2026-03-06", 20], ["2026-03-06", 30], ["2026-03-06", 40], ["2026-03-06", 50], ["2026-03-06", 60],
    ]);
    await expectSameAsFullRecompute(db, organizationId);
  });
});

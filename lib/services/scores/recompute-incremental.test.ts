import { describe, expect, it } from "vitest";
import { countOrganizationCalls } from "@/db/queries/calls";
import { deleteOrganizationScores, listOrganizationScores } from "@/db/queries/scores";
import { afterMappingChanged } from "@/lib/services/mapping/after-mapping-changed";
import { createEmployee, createOrganization } from "@/tests/factories";
import { createTestDb } from "@/tests/db";
import { drainScoreQueue } from "./drain-score-queue";
import { recomputeOrganizationScores } from "./queue-recompute";
import { MIN, deleteLeg, linkEmployee, readDays, readEntries, snapshotScores, storeLegs, utc } from "./testing";

const leg = (id: string, user: string, iso: string, minutes: number, extra: Record<string, unknown> = {}) => ({
  dialpadCallId: id, dialpadUserId: user, startedAt: utc(iso), connectedAt: utc(iso), endedAt: utc(iso) + minutes * MIN, ...extra,
});

async function setUp() {
  const db = await createTestDb();
  const organization = await createOrganization(db, { timezone: "America/New_York" });
  const alice = await createEmployee(db, organization, { title: "Sales" });
  const bob = await createEmployee(db, organization, { title: "Sales" });
  await linkEmployee(db, alice, "ua");
  await linkEmployee(db, bob, "ub");
  return { db, organization, alice, bob };
}

describe("incremental recompute", () => {
  it("moves a Dialpad user's calls to the employee it is newly mapped to", async () => {
    const { db, organization, alice, bob } = await setUp();
    await storeLegs(db, organization.id, [leg("1", "ua", "2026-03-10T15:00:00Z", 20), leg("2", "ua", "2026-03-11T15:00:00Z", 10)]);
    await drainScoreQueue(db, organization.id);
    expect((await readDays(db, alice)).map((d) => [d.dayKey, d.talkMs / MIN])).toEqual([["2026-03-10", 20], ["2026-03-11", 10]]);

    await linkEmployee(db, alice, null);
    await linkEmployee(db, bob, "ua");
    await afterMappingChanged(db, organization.id, [alice.id, bob.id]);
    await drainScoreQueue(db, organization.id); // the recompute it asked for runs in the background
    expect(await readDays(db, alice)).toEqual([]);
    expect((await readDays(db, bob)).map((d) => [d.dayKey, d.talkMs / MIN, d.score])).toEqual([["2026-03-10", 20, 14], ["2026-03-11", 10, 8]]);
    // (3 × 20 + 2 × 6) ÷ 5 = 14.4 and (3 × 10 + 2 × 6) ÷ 5 = 8.4: the default targets, 60 min and 10 calls.
  });

  it("follows updated and deleted legs, and re-credits a call graph whose first leg arrives late", async () => {
    const { db, organization, alice } = await setUp();
    await storeLegs(db, organization.id, [
      leg("1", "ua", "2026-03-10T15:00:00Z", 20),
      leg("2", "ua", "2026-03-10T15:10:00Z", 20),
      leg("3", "ua", "2026-03-12T15:00:00Z", 5, { masterCallId: "9" }),
    ]);
    await drainScoreQueue(db, organization.id);
    expect((await readDays(db, alice)).map((d) => [d.dayKey, d.talkMs / MIN, d.connectedCalls])).toEqual([
      ["2026-03-10", 30, 2], ["2026-03-12", 5, 1],
    ]);

    await storeLegs(db, organization.id, [leg("2", "ua", "2026-03-10T15:10:00Z", 50)]); // the call went on longer
    await deleteLeg(db, organization.id, "1");
    await storeLegs(db, organization.id, [leg("9", "ua", "2026-03-09T15:00:00Z", 1)]); // the graph's first leg, days earlier
    await drainScoreQueue(db, organization.id);
    expect((await readDays(db, alice)).map((d) => [d.dayKey, d.talkMs / MIN, d.connectedCalls])).toEqual([
      ["2026-03-09", 1, 1], ["2026-03-10", 50, 1], ["2026-03-12", 5, 0],
    ]);
    expect(await readEntries(db, alice, "2026-03-12")).toEqual([["3", "counted", 300, 300, false]]);
  });

  it("keeps an unchanged call that reaches in from the day before when a later call changes the day", async () => {
    const db = await createTestDb();
    const organization = await createOrganization(db, { timezone: "UTC" });
    const employee = await createEmployee(db, organization);
    await linkEmployee(db, employee, "u");
    await storeLegs(db, organization.id, [leg("1", "u", "2026-03-10T23:30:00Z", 90)]);
    await drainScoreQueue(db, organization.id);
    await storeLegs(db, organization.id, [leg("2", "u", "2026-03-11T00:30:00Z", 60)]); // queues 11 March only
    await drainScoreQueue(db, organization.id);
    expect((await readDays(db, employee)).map((d) => [d.dayKey, d.talkMs / MIN, d.connectedCalls])).toEqual([
      ["2026-03-10", 30, 1], ["2026-03-11", 90, 1],
    ]);
    expect(await readEntries(db, employee, "2026-03-11")).toEqual([["1", "counted", 3600, 3600, false], ["2", "counted", 3600, 1800, true]]);
  });

  it("gives identical rows when recomputed again, and the same rows as a recompute from scratch", async () => {
    const { db, organization, alice } = await setUp();
    const start = utc("2026-03-02T13:00:00Z");
    // Five weeks of both employees' calls, stored in pages and drained after each, as a sync would.
    for (let page = 0; page < 7; page++) {
      await storeLegs(db, organization.id, Array.from({ length: 20 }, (_, i) => {
        const at = start + (page * 5 + (i % 5)) * 24 * 60 * MIN + i * 7 * MIN;
        return leg(`${page}-${i}`, i % 2 ? "ua" : "ub", new Date(at).toISOString(), 5 + ((page * 7 + i * 3) % 40),
          i % 4 === 3 ? { masterCallId: `${page}-${i - 2}` } : {});
      }));
      await drainScoreQueue(db, organization.id);
    }
    const incremental = await snapshotScores(db, organization.id);
    expect(incremental.days.length).toBeGreaterThan(40);
    expect(incremental.days.filter((d) => d.breakdown === "")).toEqual([]);
    expect((await readDays(db, alice)).some((d) => d.breakdown?.signals[0]?.baselineSource === "peers")).toBe(true);

    const rowsBefore = (await listOrganizationScores(db, organization.id)).days;
    await recomputeOrganizationScores(db, organization.id);
    expect((await listOrganizationScores(db, organization.id)).days).toEqual(rowsBefore);

    await deleteOrganizationScores(db, organization.id);
    await recomputeOrganizationScores(db, organization.id);
    expect(await snapshotScores(db, organization.id)).toEqual(incremental);
    expect(await countOrganizationCalls(db, organization.id)).toBe(140);
  });
});

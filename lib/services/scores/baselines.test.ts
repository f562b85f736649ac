import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import type { Organization } from "@/db/schema";
import { createEmployee, createOrganization, createViewer } from "@/tests/factories";
import { createTestDb } from "@/tests/db";
import { drainScoreQueue } from "./drain-score-queue";
import { updateScoreSettings } from "./score-settings";
import { MIN, linkEmployee, readDay, storeLegs } from "./testing";

/** A call at 15:00 New York time (EDT in these weeks) lasting `minutes`, plus `extraCalls` one-minute calls. */
async function storeDay(db: Db, organization: Organization, user: string, dayKey: string, minutes: number, extraCalls = 0) {
  const start = Date.parse(`${dayKey}T19:00:00Z`);
  await storeLegs(db, organization.id, [
    { dialpadCallId: `${user}-${dayKey}`, dialpadUserId: user, startedAt: start, connectedAt: start, endedAt: start + minutes * MIN },
    ...Array.from({ length: extraCalls }, (_, i) => {
      const at = start + (minutes + 1 + i) * MIN;
      return { dialpadCallId: `${user}-${dayKey}-${i}`, dialpadUserId: user, startedAt: at, connectedAt: at, endedAt: at + MIN };
    }),
  ]);
}

async function setUp() {
  const db = await createTestDb();
  const organization = await createOrganization(db, { timezone: "America/New_York" });
  const peer = await createEmployee(db, organization, { title: "Sales" });
  const employee = await createEmployee(db, organization, { title: " Sales " });
  const other = await createEmployee(db, organization, { title: "Support" });
  await linkEmployee(db, peer, "peer");
  await linkEmployee(db, employee, "me");
  await linkEmployee(db, other, "other");
  return { db, organization, employee };
}

const signals = (row: Awaited<ReturnType<typeof readDay>>) =>
  row?.breakdown?.signals.map((s) => [s.key, s.baseline, s.baselineSource, s.baselineDays, s.points]);

describe("baselines", () => {
  it("uses the default target until the role has 5 active days, then the role's median", async () => {
    const { db, organization, employee } = await setUp();
    for (const day of ["2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12"]) await storeDay(db, organization, "peer", day, 30);
    await storeDay(db, organization, "other", "2026-03-13", 5); // another role: never in Sales' baseline
    await storeDay(db, organization, "me", "2026-03-16", 30);
    await drainScoreQueue(db, organization.id);
    // 4 active days: 30 of 60 default minutes → 30 points, 1 of 10 default calls → 6; (90 + 12) ÷ 5 = 20.4.
    expect((await readDay(db, employee, "2026-03-16"))?.score).toBe(20);
    expect(signals(await readDay(db, employee, "2026-03-16"))).toEqual([
      ["talkTime", 60 * MIN, "default", 0, 30],
      ["connectedCalls", 10, "default", 0, 6],
    ]);

    // A fifth active day (40 min, 3 calls) makes medians of 30 min and 1 call; the later day is rescored.
    await storeDay(db, organization, "peer", "2026-03-13", 40, 2);
    await drainScoreQueue(db, organization.id);
    expect(signals(await readDay(db, employee, "2026-03-16"))).toEqual([
      ["talkTime", 30 * MIN, "peers", 5, 60],
      ["connectedCalls", 1, "peers", 5, 60],
    ]);
    expect((await readDay(db, employee, "2026-03-16"))?.score).toBe(60);
  });

  it("takes only the 28 days before a day into its baseline", async () => {
    const { db, organization, employee } = await setUp();
    for (const day of ["2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13"]) await storeDay(db, organization, "peer", day, 30);
    await storeDay(db, organization, "me", "2026-04-09", 30); // window 12 Mar – 8 Apr: 2 peer days + 6 Apr = 3
    await storeDay(db, organization, "me", "2026-04-06", 30); // window 9 Mar – 5 Apr: all five
    await drainScoreQueue(db, organization.id);
    expect(signals(await readDay(db, employee, "2026-04-06"))?.[0]).toEqual(["talkTime", 30 * MIN, "peers", 5, 60]);
    expect(signals(await readDay(db, employee, "2026-04-09"))?.[0]).toEqual(["talkTime", 60 * MIN, "default", 0, 30]);
  });

  it("gives a weekend day without activity no score, and one with activity a score", async () => {
    const { db, organization, employee } = await setUp();
    await storeLegs(db, organization.id, [
      { dialpadCallId: "m", dialpadUserId: "me", direction: "inbound", startedAt: Date.parse("2026-03-14T15:00:00Z"),
        rangAt: Date.parse("2026-03-14T15:00:01Z"), endedAt: Date.parse("2026-03-14T15:00:20Z") },
    ]);
    await storeDay(db, organization, "me", "2026-03-15", 60);
    await drainScoreQueue(db, organization.id);
    expect(await readDay(db, employee, "2026-03-14")).toMatchObject({ missedCalls: 1, score: null, noScoreReason: "non_work_day" });
    // 60 of 60 minutes → 60 points, 1 of 10 calls → 6; (180 + 12) ÷ 5 = 38.4.
    expect(await readDay(db, employee, "2026-03-15")).toMatchObject({ score: 38, noScoreReason: null });
  });

  it("rescores stored days when an admin changes a role's weights and targets", async () => {
    const { db, organization, employee } = await setUp();
    const { viewer: admin } = await createViewer(db, organization, { role: "admin", hasEmployee: false });
    await storeDay(db, organization, "me", "2026-03-16", 30);
    await drainScoreQueue(db, organization.id);
    expect((await readDay(db, employee, "2026-03-16"))?.score).toBe(20);

    await updateScoreSettings(db, admin, { role: "Sales", talkTimeWeight: 1, connectedCallsWeight: 0, talkTimeTargetMinutes: 30, connectedCallsTarget: 5 });
    await drainScoreQueue(db, organization.id); // the rescoring runs in the background
    expect(await readDay(db, employee, "2026-03-16")).toMatchObject({ score: 60, breakdown: { weightedMean: 60 } });
    await updateScoreSettings(db, admin, { role: "Sales", talkTimeWeight: 0, connectedCallsWeight: 0, talkTimeTargetMinutes: 30, connectedCallsTarget: 5 });
    await drainScoreQueue(db, organization.id);
    expect(await readDay(db, employee, "2026-03-16")).toMatchObject({ score: null, noScoreReason: "no_weights" });
  });
});

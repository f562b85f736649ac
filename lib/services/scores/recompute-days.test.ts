import { describe, expect, it } from "vitest";
import { createEmployee, createOrganization } from "@/tests/factories";
import { createTestDb } from "@/tests/db";
import { drainScoreQueue } from "./drain-score-queue";
import { MIN, linkEmployee, readDay, readDays, readEntries, storeLegs, utc } from "./testing";

async function setUp() {
  const db = await createTestDb();
  const organization = await createOrganization(db, { timezone: "America/New_York" });
  const alice = await createEmployee(db, organization, { name: "Alice" });
  const bob = await createEmployee(db, organization, { name: "Bob" });
  await linkEmployee(db, alice, "ua");
  await linkEmployee(db, bob, "ub");
  return { db, organization, alice, bob };
}

describe("daily scores from stored calls", () => {
  it("counts the caller's voicemail and flags the receiver's copy", async () => {
    const { db, organization, alice, bob } = await setUp();
    await storeLegs(db, organization.id, [
      { dialpadCallId: "100", dialpadUserId: "ua", direction: "outbound", state: "voicemail", startedAt: utc("2026-03-10T14:00:00Z"),
        connectedAt: utc("2026-03-10T14:00:20Z"), endedAt: utc("2026-03-10T14:01:05Z") },
      { dialpadCallId: "101", dialpadUserId: "ub", direction: "inbound", state: "voicemail_uploaded", hasVoicemail: true,
        startedAt: utc("2026-03-10T14:00:00Z"), rangAt: utc("2026-03-10T14:00:01Z"), endedAt: utc("2026-03-10T14:01:05Z") },
    ]);
    await drainScoreQueue(db, organization.id);

    // Talk 45 s of a 60 min default target → 0.75 points; 1 call of 10 → 6 points; (3 × 0.75 + 2 × 6) ÷ 5 = 2.85.
    expect(await readDay(db, alice, "2026-03-10")).toMatchObject({
      role: "", talkMs: 45_000, connectedCalls: 1, voicemailsLeft: 1, voicemailsReceived: 0, hasActivity: true,
      score: 3, noScoreReason: null, breakdown: { weightedMean: 2.85 },
    });
    expect(await readEntries(db, alice, "2026-03-10")).toEqual([["100", "voicemail_left", 45, 45, true]]);
    expect(await readDay(db, bob, "2026-03-10")).toMatchObject({
      talkMs: 0, connectedCalls: 0, voicemailsReceived: 1, hasActivity: false, score: 0,
    });
    expect(await readEntries(db, bob, "2026-03-10")).toEqual([["101", "voicemail_received", 0, 0, false]]);
  });

  it("counts a three-way call's two records once: 30 minutes and one connected call", async () => {
    const { db, organization, alice } = await setUp();
    await storeLegs(db, organization.id, [
      { dialpadCallId: "201", dialpadUserId: "ua", masterCallId: "200", startedAt: utc("2026-03-10T14:04:50Z"),
        connectedAt: utc("2026-03-10T14:05:00Z"), endedAt: utc("2026-03-10T14:30:00Z") },
      { dialpadCallId: "200", dialpadUserId: "ua", startedAt: utc("2026-03-10T13:59:50Z"),
        connectedAt: utc("2026-03-10T14:00:00Z"), endedAt: utc("2026-03-10T14:20:00Z") },
    ]);
    await drainScoreQueue(db, organization.id);

    // 30 of 60 minutes → 30 points; 1 of 10 calls → 6 points; (90 + 12) ÷ 5 = 20.4.
    expect(await readDay(db, alice, "2026-03-10")).toMatchObject({ talkMs: 30 * MIN, connectedCalls: 1, score: 20 });
    expect(await readEntries(db, alice, "2026-03-10")).toEqual([
      ["200", "counted", 1200, 1200, true],
      ["201", "counted", 1500, 600, false],
    ]);
  });

  it("splits a call across local midnight between the two days; its counts stay on the first", async () => {
    const { db, organization, alice } = await setUp();
    // 23:50–00:20 New York time (EDT, UTC−4).
    await storeLegs(db, organization.id, [
      { dialpadCallId: "300", dialpadUserId: "ua", startedAt: utc("2026-03-11T03:49:50Z"),
        connectedAt: utc("2026-03-11T03:50:00Z"), endedAt: utc("2026-03-11T04:20:00Z") },
    ]);
    await drainScoreQueue(db, organization.id);

    expect((await readDays(db, alice)).map((d) => [d.dayKey, d.talkMs / MIN, d.connectedCalls, d.score])).toEqual([
      ["2026-03-10", 10, 1, 8], // (3 × 10 + 2 × 6) ÷ 5 = 8.4
      ["2026-03-11", 20, 0, 12], // (3 × 20 + 2 × 0) ÷ 5 = 12
    ]);
    expect(await readEntries(db, alice, "2026-03-10")).toEqual([["300", "counted", 600, 600, true]]);
    expect(await readEntries(db, alice, "2026-03-11")).toEqual([["300", "counted", 1200, 1200, false]]);
  });

  it("lists missed and unanswered calls with their reasons and counts them 0", async () => {
    const { db, organization, alice } = await setUp();
    await storeLegs(db, organization.id, [
      { dialpadCallId: "400", dialpadUserId: "ua", direction: "inbound", state: "missed", startedAt: utc("2026-03-10T15:00:00Z"),
        rangAt: utc("2026-03-10T15:00:01Z"), endedAt: utc("2026-03-10T15:00:30Z") },
      { dialpadCallId: "401", dialpadUserId: "ua", startedAt: utc("2026-03-10T15:10:00Z"), endedAt: utc("2026-03-10T15:10:40Z") },
    ]);
    await drainScoreQueue(db, organization.id);

    expect(await readDay(db, alice, "2026-03-10")).toMatchObject({ talkMs: 0, missedCalls: 1, notAnsweredCalls: 1, hasActivity: false, score: 0 });
    expect(await readEntries(db, alice, "2026-03-10")).toEqual([["400", "missed", 0, 0, false], ["401", "not_answered", 0, 0, false]]);
  });

  it("stores contributions that add up to each day's talk time", async () => {
    const { db, organization, alice } = await setUp();
    // 120 overlapping calls over three days, some crossing midnight, from a fixed pseudo-random sequence.
    let seed = 7;
    const next = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    const legs = Array.from({ length: 120 }, (_, i) => {
      const start = utc("2026-03-09T04:00:00Z") + next(3 * 24 * 60) * MIN;
      return { dialpadCallId: `5${i}`, dialpadUserId: "ua", masterCallId: next(4) === 0 ? "50" : null, startedAt: start,
        connectedAt: start + next(60) * 1000, endedAt: start + (60 + next(90 * 60)) * 1000 };
    });
    await storeLegs(db, organization.id, legs);
    await drainScoreQueue(db, organization.id);

    const days = await readDays(db, alice);
    expect(days.length).toBeGreaterThanOrEqual(3);
    for (const day of days) {
      const entries = await readEntries(db, alice, day.dayKey);
      const contributed = entries.reduce((sum, e) => sum + (e[3] as number), 0);
      const counted = entries.reduce((sum, e) => sum + (e[2] as number), 0);
      expect(contributed).toBe(day.talkMs / 1000);
      expect(day.talkMs / 1000).toBeLessThanOrEqual(counted);
    }
  });
});

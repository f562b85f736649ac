import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildCallLeg } from "@/lib/calls/build-call-leg";
import { classifyCallLeg } from "@/lib/calls/rules";
import { getLocalDayCalendar } from "@/lib/dates";
import { computeDayFacts, computeDayFactsByDay } from "./day-facts";
import { getCoveredLength } from "./intervals";

const MIN = 60_000;
const utc = (iso: string) => Date.parse(iso);
const pick = (calls: { dialpadCallId: string; countedMs: number; contributionMs: number }[]) =>
  calls.map((c) => [c.dialpadCallId, c.countedMs / 1000, c.contributionMs / 1000]);

describe("computeDayFacts", () => {
  it("counts the caller's voicemail and flags the receiver's copy", () => {
    const caller = buildCallLeg({
      dialpadCallId: "100", direction: "outbound", state: "voicemail", startedAt: utc("2026-03-10T14:00:00Z"),
      connectedAt: utc("2026-03-10T14:00:20Z"), endedAt: utc("2026-03-10T14:01:05Z"),
    });
    const receiver = buildCallLeg({
      dialpadCallId: "101", dialpadUserId: "u2", direction: "inbound", state: "voicemail_uploaded", hasVoicemail: true,
      startedAt: utc("2026-03-10T14:00:00Z"), rangAt: utc("2026-03-10T14:00:01Z"), endedAt: utc("2026-03-10T14:01:05Z"),
    });
    const callerDay = computeDayFacts("2026-03-10", [caller], "America/New_York");
    expect(callerDay).toMatchObject({ talkMs: 45_000, connectedCalls: 1, voicemailsLeft: 1, hasActivity: true, uncounted: [] });
    const receiverDay = computeDayFacts("2026-03-10", [receiver], "America/New_York");
    expect(receiverDay).toMatchObject({ talkMs: 0, connectedCalls: 0, voicemailsReceived: 1, hasActivity: false });
    expect(receiverDay.uncounted).toEqual([{
      dialpadCallId: "101", kind: "voicemail_received", reason: "Voicemail left for this person: flagged and not counted.",
      isFlagged: true, startedAt: utc("2026-03-10T14:00:00Z"),
    }]);
  });

  it("counts a three-way call's two records once: 30 minutes and one connected call", () => {
    const first = buildCallLeg({
      dialpadCallId: "200", startedAt: utc("2026-03-10T13:59:50Z"),
      connectedAt: utc("2026-03-10T14:00:00Z"), endedAt: utc("2026-03-10T14:20:00Z"),
    });
    const added = buildCallLeg({
      dialpadCallId: "201", masterCallId: "200", startedAt: utc("2026-03-10T14:04:50Z"),
      connectedAt: utc("2026-03-10T14:05:00Z"), endedAt: utc("2026-03-10T14:30:00Z"),
    });
    const day = computeDayFacts("2026-03-10", [added, first], "America/New_York");
    expect(day.talkMs).toBe(30 * MIN);
    expect(day.connectedCalls).toBe(1);
    expect(pick(day.calls)).toEqual([["200", 1200, 1200], ["201", 1500, 600]]);
    expect(day.calls.map((c) => c.countsAsConnectedCall)).toEqual([true, false]);
  });

  it("credits a warm transfer's consult leg only with the time after the first call ended", () => {
    const customer = buildCallLeg({
      dialpadCallId: "300", direction: "inbound", startedAt: utc("2026-03-10T08:59:50Z"), rangAt: utc("2026-03-10T08:59:51Z"),
      connectedAt: utc("2026-03-10T09:00:00Z"), endedAt: utc("2026-03-10T09:12:00Z"),
    });
    const consult = buildCallLeg({
      dialpadCallId: "301", isTransferred: true, isInternal: true, startedAt: utc("2026-03-10T09:08:00Z"),
      connectedAt: utc("2026-03-10T09:08:10Z"), endedAt: utc("2026-03-10T09:13:30Z"),
    });
    const day = computeDayFacts("2026-03-10", [consult, customer], "UTC");
    expect(day.talkMs).toBe(13.5 * MIN);
    expect(day.connectedCalls).toBe(2);
    expect(pick(day.calls)).toEqual([["300", 720, 720], ["301", 320, 90]]);
  });

  it("lists a missed call with its reason and counts no time for it", () => {
    const missed = buildCallLeg({
      dialpadCallId: "400", direction: "inbound", state: "missed", startedAt: utc("2026-03-10T16:00:00Z"),
      rangAt: utc("2026-03-10T16:00:01Z"), endedAt: utc("2026-03-10T16:00:30Z"),
    });
    const meeting = buildCallLeg({
      dialpadCallId: "401", targetType: "room", startedAt: utc("2026-03-10T17:00:00Z"),
      connectedAt: utc("2026-03-10T17:00:00Z"), endedAt: utc("2026-03-10T17:30:00Z"),
    });
    const day = computeDayFacts("2026-03-10", [meeting, missed], "UTC");
    expect(day).toMatchObject({ talkMs: 0, connectedCalls: 0, missedCalls: 1, hasActivity: false });
    expect(day.uncounted.map((c) => [c.dialpadCallId, c.kind, c.reason])).toEqual([
      ["400", "missed", "Rang and was not answered."],
      ["401", "ignored_meeting", "Video meeting (Dialpad Meetings): not counted as phone time."],
    ]);
  });

  it("splits a call across Kolkata midnight and counts the call on the day it started", () => {
    // 23:48 IST dialled, connected 23:50 → 00:15 IST.
    const leg = buildCallLeg({
      dialpadCallId: "500", startedAt: utc("2026-03-10T18:18:00Z"),
      connectedAt: utc("2026-03-10T18:20:00Z"), endedAt: utc("2026-03-10T18:45:00Z"),
    });
    const days = computeDayFactsByDay([leg], getLocalDayCalendar("Asia/Kolkata", 0));
    expect([...days.keys()]).toEqual(["2026-03-10", "2026-03-11"]);
    expect(days.get("2026-03-10")).toMatchObject({ talkMs: 10 * MIN, connectedCalls: 1 });
    expect(days.get("2026-03-11")).toMatchObject({ talkMs: 15 * MIN, connectedCalls: 0, hasActivity: true });
    expect(days.get("2026-03-11")!.calls).toMatchObject([{ dialpadCallId: "500", isStartDay: false, countedMs: 15 * MIN }]);
  });

  it("adds up New York's 23-hour spring-forward day", () => {
    const throughGap = buildCallLeg({
      dialpadCallId: "600", startedAt: utc("2026-03-08T06:30:00Z"),
      connectedAt: utc("2026-03-08T06:30:00Z"), endedAt: utc("2026-03-08T07:30:00Z"),
    });
    const lateEvening = buildCallLeg({
      dialpadCallId: "601", startedAt: utc("2026-03-09T03:50:00Z"),
      connectedAt: utc("2026-03-09T03:50:00Z"), endedAt: utc("2026-03-09T04:10:00Z"),
    });
    const legs = [throughGap, lateEvening];
    expect(computeDayFacts("2026-03-08", legs, "America/New_York")).toMatchObject({ talkMs: 70 * MIN, connectedCalls: 2 });
    expect(computeDayFacts("2026-03-09", legs, "America/New_York")).toMatchObject({ talkMs: 10 * MIN, connectedCalls: 0 });
  });

  it("returns empty facts for a day without calls", () => {
    expect(computeDayFacts("2026-03-12", [], "UTC")).toEqual({
      dayKey: "2026-03-12", talkMs: 0, connectedCalls: 0, voicemailsLeft: 0, voicemailsReceived: 0,
      missedCalls: 0, notAnsweredCalls: 0, hasActivity: false, calls: [], uncounted: [],
    });
  });

  it("the days' talk time adds up to the union of all counted time", () => {
    const legArb = fc.record({
      startedAt: fc.integer({ min: utc("2026-03-07T00:00:00Z"), max: utc("2026-03-10T00:00:00Z") }),
      wait: fc.integer({ min: 0, max: 60_000 }),
      length: fc.integer({ min: 0, max: 6 * 3_600_000 }),
      isConnected: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(legArb, { maxLength: 30 }), fc.constantFrom("America/New_York", "Asia/Kolkata"), fc.integer({ min: 0, max: 23 }),
        (specs, zone, hour) => {
          const legs = specs.map((s, i) => buildCallLeg({
            dialpadCallId: String(i), startedAt: s.startedAt, connectedAt: s.isConnected ? s.startedAt + s.wait : null,
            endedAt: s.startedAt + s.wait + s.length,
          }));
          const days = [...computeDayFactsByDay(legs, getLocalDayCalendar(zone, hour)).values()];
          const intervals = legs.flatMap((leg) => classifyCallLeg(leg).interval ?? []);
          expect(days.reduce((sum, day) => sum + day.talkMs, 0)).toBe(getCoveredLength(intervals));
          expect(days.reduce((sum, day) => sum + day.connectedCalls, 0)).toBe(specs.filter((s) => s.isConnected).length);
          for (const day of days) expect(day.calls.reduce((sum, c) => sum + c.contributionMs, 0)).toBe(day.talkMs);
        }),
      { numRuns: 200 },
    );
  });
});

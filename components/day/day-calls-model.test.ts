import { describe, expect, it } from "vitest";
import { getLocalDayBounds } from "@/lib/dates";
import type { DayCall } from "@/lib/services/scores/get-employee-day-score";
import { buildDayCallItems } from "./day-calls-model";
import { packDayCalls, unpackDayCalls } from "./day-calls-wire";

const at = (iso: string) => Date.parse(iso);
const dayCall = (overrides: Partial<DayCall> & Pick<DayCall, "callId" | "kind" | "reason">): DayCall => ({
  dialpadCallId: String(overrides.callId), direction: "outbound", state: "hangup", startedAt: at("2026-03-10T14:00:00Z"),
  rangAt: at("2026-03-10T14:00:01Z"), connectedAt: at("2026-03-10T14:00:20Z"), endedAt: at("2026-03-10T14:01:05Z"),
  externalNumber: null, contactName: "Bob", targetName: null, isInternal: true, isTransferred: false, hasVoicemail: false,
  leftVoicemail: true, wasRecorded: false, isFlagged: false, isStartDay: true, countsAsConnectedCall: true,
  countedMs: 45_000, contributionMs: 45_000, ...overrides,
});
const timeZone = "America/New_York";
const bounds = getLocalDayBounds("2026-03-10", timeZone);
const build = (calls: DayCall[], links: Parameters<typeof buildDayCallItems>[1]["links"] = []) =>
  buildDayCallItems(calls, { bounds, timeZone, now: at("2026-03-11T12:00:00Z"), callHref: (id) => `/calls/${id}`, links }).items;

/** A three-way call (a master and its merged leg) and an inbound call that overlaps them. */
function buildThreeWayDay() {
  const chloe = dayCall({
    callId: 1, dialpadCallId: "m1", kind: "counted", reason: "Connected: connected time counted.", contactName: "Chloe Rossi",
    startedAt: at("2026-03-10T13:41:00Z"), connectedAt: at("2026-03-10T13:41:30Z"), endedAt: at("2026-03-10T14:00:00Z"),
    countedMs: 1_110_000, contributionMs: 1_110_000,
  });
  const merged = dayCall({
    callId: 2, dialpadCallId: "l2", kind: "counted", reason: "Connected: connected time counted.", contactName: "Dan Ode",
    startedAt: at("2026-03-10T13:42:00Z"), connectedAt: at("2026-03-10T13:42:34Z"), endedAt: at("2026-03-10T14:00:00Z"),
    countedMs: 1_046_000, contributionMs: 0,
  });
  const alongside = dayCall({
    callId: 3, dialpadCallId: "x3", kind: "counted", reason: "Answered: connected time counted.", contactName: "Eve",
    direction: "inbound", startedAt: at("2026-03-10T13:50:00Z"), connectedAt: at("2026-03-10T13:50:00Z"), endedAt: at("2026-03-10T14:10:00Z"),
    countedMs: 1_200_000, contributionMs: 600_000,
  });
  return build([chloe, merged, alongside], [
    { callId: 1, dialpadCallId: "m1", masterCallId: null, entryPointCallId: null },
    { callId: 2, dialpadCallId: "l2", masterCallId: "m1", entryPointCallId: null },
    { callId: 3, dialpadCallId: "x3", masterCallId: null, entryPointCallId: null },
  ]);
}

describe("buildDayCallItems", () => {
  it("labels the caller's leg that reached voicemail 'Voicemail left (counted)' and the receiver's 'Voicemail received'", () => {
    const items = build([
      dayCall({ callId: 1, kind: "voicemail_left", reason: "Voicemail left: counted like any connected call." }),
      dayCall({
        callId: 2, kind: "voicemail_received", reason: "Voicemail left for this person: flagged and not counted.", direction: "inbound",
        connectedAt: null, hasVoicemail: true, leftVoicemail: false, isFlagged: true, countsAsConnectedCall: false, countedMs: 0, contributionMs: 0,
      }),
    ]);
    expect(items.map(({ status, added, isFlagged, filters }) => ({ status, added, isFlagged, filters }))).toEqual([
      { status: "Voicemail left (counted)", added: "45s", isFlagged: false, filters: ["all", "counted", "voicemail"] },
      { status: "Voicemail received", added: "0s", isFlagged: true, filters: ["all", "voicemail", "flagged"] },
    ]);
  });

  it("gives an overlapped three-way leg its own status and the reason in words, and no reason to a plain counted call", () => {
    const items = buildThreeWayDay();
    expect(items.map(({ status, added, overlapped, why, filters }) => ({ status, added, overlapped, why, filters }))).toEqual([
      { status: "Counted", added: "18m 30s", overlapped: null, why: null, filters: ["all", "counted"] },
      {
        status: "Overlap · three-way, 2 legs", added: "0s", overlapped: "17m 26s",
        why: "Overlaps your 09:41 call with Chloe Rossi; only time not already counted is added.", filters: ["all", "overlap"],
      },
      {
        status: "Overlap", added: "10m 00s", overlapped: "10m 00s",
        why: "Overlaps your 09:41 call with Chloe Rossi; only time not already counted is added.", filters: ["all", "counted", "overlap"],
      },
    ]);
  });

  it("marks a call that began the previous evening", () => {
    const items = build([
      dayCall({ callId: 1, kind: "counted", reason: "Connected: connected time counted.", isStartDay: false, startedAt: at("2026-03-10T03:50:00Z") }),
    ]);
    expect(items.map(({ start, isPreviousDay }) => [start, isPreviousDay])).toEqual([["23:50", true]]);
  });
});

describe("packDayCalls", () => {
  it("gives the browser back the very items the server built, each party, status and reason written once", () => {
    const calls = [
      dayCall({ callId: 1, kind: "counted", reason: "Connected: connected time counted.", contactName: "Chloe" }),
      dayCall({ callId: 2, kind: "counted", reason: "Connected: connected time counted.", contactName: "Chloe", startedAt: at("2026-03-10T14:30:00Z") }),
      dayCall({
        callId: 3, kind: "missed", reason: "Missed: never connected.", direction: "inbound", connectedAt: null, endedAt: null,
        isFlagged: true, countsAsConnectedCall: false, countedMs: 0, contributionMs: 0, startedAt: at("2026-03-10T03:50:00Z"),
      }),
    ];
    const items = build(calls);
    const packed = packDayCalls(items);
    expect(unpackDayCalls(packed, "/calls")).toEqual(items);
    expect(packed.texts).toEqual(["Chloe", "Counted", "Connected: connected time counted.", "Bob", "Missed", "Missed: never connected."]);
  });

  it("sends an overlap's reason as the place of the call it names, and gives back the same words", () => {
    const items = buildThreeWayDay();
    const packed = packDayCalls(items);
    expect(packed.calls.map((call) => call[13])).toEqual([2, -1, -1]);
    expect(packed.texts).toEqual(["Chloe Rossi", "Counted", "Connected: connected time counted.", "Dan Ode", "Overlap · three-way, 2 legs", "Eve", "Overlap"]);
    expect(unpackDayCalls(packed, "/calls")).toEqual(items);
  });
});

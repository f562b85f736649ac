import { describe, expect, it } from "vitest";
import { formatDuration, getLocalDayBounds } from "@/lib/dates";
import type { DayCall } from "@/lib/services/scores/get-employee-day-score";
import { buildDayCallItems } from "./day-calls-model";

const at = (iso: string) => Date.parse(iso);
const dayCall = (overrides: Partial<DayCall> & Pick<DayCall, "callId" | "kind" | "reason">): DayCall => ({
  dialpadCallId: String(overrides.callId), direction: "outbound", state: "hangup", startedAt: at("2026-03-10T14:00:00Z"),
  rangAt: at("2026-03-10T14:00:01Z"), connectedAt: at("2026-03-10T14:00:20Z"), endedAt: at("2026-03-10T14:01:05Z"),
  externalNumber: null, contactName: "Bob", targetName: null, isInternal: true, isTransferred: false, hasVoicemail: false,
  leftVoicemail: true, wasRecorded: false, isFlagged: false, isStartDay: true, countsAsConnectedCall: true,
  countedMs: 45_000, contributionMs: 45_000, ...overrides,
});

describe("buildDayCallItems", () => {
  it("labels the caller's leg that reached voicemail 'Voicemail left (counted)' and the receiver's 'Voicemail received'", () => {
    const calls = [
      dayCall({ callId: 1, kind: "voicemail_left", reason: "Voicemail left: counted like any connected call." }),
      dayCall({
        callId: 2, kind: "voicemail_received", reason: "Voicemail left for this person: flagged and not counted.", direction: "inbound",
        connectedAt: null, hasVoicemail: true, leftVoicemail: false, isFlagged: true, countsAsConnectedCall: false, countedMs: 0, contributionMs: 0,
      }),
    ];
    const bounds = getLocalDayBounds("2026-03-10", "America/New_York");
    const { items } = buildDayCallItems(calls, { bounds, timeZone: "America/New_York", now: at("2026-03-11T12:00:00Z"), callHref: (id) => `/calls/${id}` });
    expect(items.map(({ kind, counted, isFlagged }) => ({ kind, counted, isFlagged }))).toEqual([
      { kind: "Voicemail left (counted)", counted: formatDuration(45_000), isFlagged: false },
      { kind: "Voicemail received", counted: formatDuration(0), isFlagged: true },
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { buildCallLeg } from "./build-call-leg";
import { callKindLabels, classifyCallLeg, isMeetingLeg } from "./rules";

const at = (hms: string) => Date.parse(`2026-03-10T${hms}Z`);

describe("classifyCallLeg", () => {
  it("counts the caller's leg of a voicemail and flags the receiver's", () => {
    const caller = buildCallLeg({
      dialpadCallId: "100", direction: "outbound", state: "voicemail", isInternal: true,
      startedAt: at("10:00:00"), rangAt: at("10:00:01"), connectedAt: at("10:00:20"), endedAt: at("10:01:05"),
    });
    const receiver = buildCallLeg({
      dialpadCallId: "101", dialpadUserId: "u2", direction: "inbound", state: "voicemail_uploaded", isInternal: true,
      startedAt: at("10:00:00"), rangAt: at("10:00:01"), endedAt: at("10:01:05"), hasVoicemail: true,
    });
    expect(classifyCallLeg(caller)).toEqual({
      kind: "voicemail_left",
      interval: { start: at("10:00:20"), end: at("10:01:05") },
      reason: "Voicemail left: counted like any connected call.",
      isCounted: true, isConnectedCall: true, isVoicemailLeft: true, isVoicemailReceived: false, isFlagged: false,
    });
    expect(classifyCallLeg(receiver)).toEqual({
      kind: "voicemail_received",
      interval: null,
      reason: "Voicemail left for this person: flagged and not counted.",
      isCounted: false, isConnectedCall: false, isVoicemailLeft: false, isVoicemailReceived: true, isFlagged: true,
    });
  });

  it("flags a received voicemail even when the voicemail box stamped a connected time", () => {
    const leg = buildCallLeg({
      dialpadCallId: "102", direction: "inbound", hasVoicemail: true,
      startedAt: at("11:00:00"), connectedAt: at("11:00:25"), endedAt: at("11:01:00"),
    });
    expect(classifyCallLeg(leg)).toMatchObject({ kind: "voicemail_received", interval: null, isFlagged: true });
  });

  it("counts a caller's voicemail without a connected time from the start of the call", () => {
    const leg = buildCallLeg({
      dialpadCallId: "103", state: "voicemail", startedAt: at("12:00:00"), endedAt: at("12:00:50"),
    });
    expect(classifyCallLeg(leg)).toMatchObject({
      kind: "voicemail_left", interval: { start: at("12:00:00"), end: at("12:00:50") }, isVoicemailLeft: true, isConnectedCall: true,
    });
  });

  it("labels a caller's leg that reached voicemail and then hung up as a voicemail left, counting its connected time", () => {
    const leg = buildCallLeg({
      dialpadCallId: "110", state: "hangup", leftVoicemail: true,
      startedAt: at("16:00:00"), rangAt: at("16:00:02"), connectedAt: at("16:00:20"), endedAt: at("16:01:20"),
    });
    const classification = classifyCallLeg(leg);
    expect(classification).toEqual({
      kind: "voicemail_left", interval: { start: at("16:00:20"), end: at("16:01:20") },
      reason: "Voicemail left: counted like any connected call.",
      isCounted: true, isConnectedCall: true, isVoicemailLeft: true, isVoicemailReceived: false, isFlagged: false,
    });
    expect(callKindLabels[classification.kind]).toBe("Voicemail left (counted)");
    // The same leg without the fact is a plain connected call with the same counted time.
    expect(classifyCallLeg({ ...leg, leftVoicemail: false })).toMatchObject({
      kind: "counted", interval: { start: at("16:00:20"), end: at("16:01:20") }, isVoicemailLeft: false,
    });
  });

  it("counts only connected time of answered and connected calls", () => {
    const inbound = buildCallLeg({
      dialpadCallId: "104", direction: "inbound", startedAt: at("09:00:00"), rangAt: at("09:00:02"),
      connectedAt: at("09:00:12"), endedAt: at("09:04:17"),
    });
    expect(classifyCallLeg(inbound)).toMatchObject({
      kind: "counted", interval: { start: at("09:00:12"), end: at("09:04:17") },
      reason: "Answered: connected time counted.", isConnectedCall: true, isVoicemailLeft: false,
    });
    const outbound = buildCallLeg({
      dialpadCallId: "105", startedAt: at("09:10:00"), connectedAt: at("09:10:30"), endedAt: at("09:10:30"),
    });
    expect(classifyCallLeg(outbound)).toMatchObject({
      kind: "counted", interval: { start: at("09:10:30"), end: at("09:10:30") }, reason: "Connected: connected time counted.",
    });
  });

  it("marks an unanswered inbound call missed and an unconnected outbound call not answered", () => {
    const missed = buildCallLeg({
      dialpadCallId: "106", direction: "inbound", state: "missed",
      startedAt: at("13:00:00"), rangAt: at("13:00:01"), endedAt: at("13:00:31"),
    });
    expect(classifyCallLeg(missed)).toEqual({
      kind: "missed", interval: null, reason: "Rang and was not answered.",
      isCounted: false, isConnectedCall: false, isVoicemailLeft: false, isVoicemailReceived: false, isFlagged: false,
    });
    const notAnswered = buildCallLeg({ dialpadCallId: "107", startedAt: at("13:05:00"), endedAt: at("13:05:40") });
    expect(classifyCallLeg(notAnswered)).toMatchObject({ kind: "not_answered", reason: "Outbound call never connected." });
  });

  it("counts nothing for a call still in progress", () => {
    const leg = buildCallLeg({ dialpadCallId: "108", state: "connected", startedAt: at("14:00:00"), connectedAt: at("14:00:05") });
    expect(classifyCallLeg(leg)).toMatchObject({ kind: "in_progress", interval: null, isConnectedCall: false });
  });

  it("ignores Dialpad Meetings legs", () => {
    const room = buildCallLeg({
      dialpadCallId: "109", targetType: "room", startedAt: at("15:00:00"), connectedAt: at("15:00:00"), endedAt: at("15:30:00"),
    });
    expect(classifyCallLeg(room)).toMatchObject({ kind: "ignored_meeting", interval: null, isCounted: false });
    expect(isMeetingLeg({ targetType: "user", labels: [" Dialpad_Meetings "] })).toBe(true);
    expect(isMeetingLeg({ targetType: "user", labels: ["meeting", "sales"] })).toBe(false);
    expect(isMeetingLeg({ targetType: null, labels: [] })).toBe(false);
  });
});

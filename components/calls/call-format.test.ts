import { describe, expect, it } from "vitest";
import { describeCall, describeOtherParty, describeVoicemail, getRingMs, getTalkMs } from "./call-format";

const party = { contactName: null, externalNumber: null, isInternal: false };
const times = { startedAt: 1_000, rangAt: null, connectedAt: null, endedAt: null };

describe("describeOtherParty", () => {
  it("prefers the contact's name, then the number, then says internal or unknown", () => {
    expect(describeOtherParty({ ...party, contactName: " Acme Corp ", externalNumber: "+14155550100" })).toBe("Acme Corp");
    expect(describeOtherParty({ ...party, contactName: "  ", externalNumber: "+14155550100" })).toBe("+14155550100");
    expect(describeOtherParty({ ...party, isInternal: true })).toBe("Internal call");
    expect(describeOtherParty(party)).toBe("Unknown caller");
  });

  it("titles a call by direction and party", () => {
    expect(describeCall({ ...party, direction: "inbound", externalNumber: "+4930123" })).toBe("Inbound call with +4930123");
  });
});

describe("durations", () => {
  it("talk is connected to ended, 0 until both exist", () => {
    expect(getTalkMs({ ...times, connectedAt: 5_000, endedAt: 65_000 })).toBe(60_000);
    expect(getTalkMs({ ...times, connectedAt: 5_000 })).toBe(0);
    expect(getTalkMs({ ...times, endedAt: 9_000 })).toBe(0);
  });

  it("ring runs from the ring (or start) to the answer, or to the end when unanswered", () => {
    expect(getRingMs({ ...times, rangAt: 2_000, connectedAt: 7_000, endedAt: 20_000 })).toBe(5_000);
    expect(getRingMs({ ...times, endedAt: 31_000 })).toBe(30_000);
    expect(getRingMs(times)).toBeNull();
  });
});

describe("describeVoicemail", () => {
  it("says the receiver has the voicemail and the caller left one, never that a caller's leg holds a recording", () => {
    expect(describeVoicemail({ direction: "inbound", hasVoicemail: true, leftVoicemail: false })).toBe("Has a voicemail");
    expect(describeVoicemail({ direction: "outbound", hasVoicemail: false, leftVoicemail: true })).toBe("Left a voicemail");
    // A row stored before hasVoicemail was kept to inbound legs.
    expect(describeVoicemail({ direction: "outbound", hasVoicemail: true, leftVoicemail: false })).toBe("Left a voicemail");
    expect(describeVoicemail({ direction: "outbound", hasVoicemail: false, leftVoicemail: false })).toBe("No voicemail");
    expect(describeVoicemail({ direction: "inbound", hasVoicemail: false, leftVoicemail: false })).toBe("No voicemail");
  });
});

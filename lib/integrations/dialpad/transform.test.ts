import { describe, expect, it } from "vitest";
import { dialpadCallSchema, dialpadCompanySchema, dialpadUserSchema } from "./schema";
import { restAnsweredCall, restCallCenterLeg, restCompany, restDeletedUser, restUser, webhookVoicemailCall, withoutKeys } from "./testing/fixtures";
import { toCallLeg, toDialpadCompanyRecord, toDialpadUserRecord } from "./transform";

const leg = (raw: unknown) => toCallLeg(dialpadCallSchema.parse(raw));

describe("toCallLeg", () => {
  it("maps a REST call with string int64s", () => {
    expect(leg(restAnsweredCall())).toEqual({
      dialpadCallId: "6112233445566778",
      dialpadUserId: "5835806903417907",
      masterCallId: "6112233445500001",
      entryPointCallId: "6112233445500002",
      operatorCallId: null,
      direction: "inbound",
      state: "hangup",
      startedAt: 1767600000000,
      rangAt: 1767600002150,
      connectedAt: 1767600009400,
      endedAt: 1767600191800,
      eventTimestamp: 1767600191850,
      durationMs: 182400,
      externalNumber: "+14155557777",
      internalNumber: "+14155551001",
      contactName: "(415) 555-7777",
      contactPhone: "+14155557777",
      contactType: "local",
      targetType: "user",
      targetName: "Alex Agent",
      entryPointTargetName: "Example Inc",
      isTransferred: false,
      wasRecorded: true,
      hasVoicemail: false,
      leftVoicemail: false,
      isInternal: false,
      labels: ["sales"],
    });
  });

  it("maps a webhook voicemail with numeric ids and times", () => {
    expect(leg(webhookVoicemailCall())).toMatchObject({
      dialpadCallId: "5635304278851584",
      dialpadUserId: "5835806903417999",
      masterCallId: null,
      state: "voicemail_uploaded",
      startedAt: 1787158716092,
      connectedAt: null,
      eventTimestamp: 1787158761234,
      durationMs: 0,
      contactType: "shared",
      entryPointTargetName: null,
      hasVoicemail: true,
      leftVoicemail: false,
      isInternal: false,
      labels: [],
    });
  });

  it("gives the same leg whether ids arrive as strings or numbers", () => {
    const asNumbers = restAnsweredCall({ call_id: 6112233445566778, date_started: 1767600000000, event_timestamp: 1767600191850 });
    expect(leg(asNumbers)).toEqual(leg(restAnsweredCall()));
  });

  it("detects voicemail from the REST share link, a voicemail recording, or the voicemail state", () => {
    expect(leg(restAnsweredCall({ voicemail_share_link: "https://dialpad.example/vm/1" })).hasVoicemail).toBe(true);
    const recording = { id: "vm1", recording_type: "voicemail", url: "https://dialpad.example/vm/1", duration: 21000, start_time: "1767600100000" };
    expect(leg(restAnsweredCall({ recording_details: [recording] })).hasVoicemail).toBe(true);
    expect(leg(webhookVoicemailCall({ state: "voicemail", voicemail_link: null, voicemail_recording_id: null })).hasVoicemail).toBe(true);
    expect(leg(restAnsweredCall({ voicemail_share_link: "" })).hasVoicemail).toBe(false);
  });

  it("reads a caller's leg in the voicemail state as a voicemail left, not one it holds", () => {
    // Strict Dialpad: the outbound leg ends in "voicemail" with no recording of its own.
    const caller = leg(restAnsweredCall({ direction: "outbound", state: "voicemail" }));
    expect([caller.hasVoicemail, caller.leftVoicemail]).toEqual([false, true]);
    // UNCONFIRMED whether a caller's leg can carry the message's link: if it does, it still was left, not received.
    const linked = leg(restAnsweredCall({ direction: "outbound", voicemail_share_link: "https://dialpad.example/vm/2" }));
    expect([linked.hasVoicemail, linked.leftVoicemail]).toEqual([false, true]);
    const plain = leg(restAnsweredCall({ direction: "outbound", state: "hangup" }));
    expect([plain.hasVoicemail, plain.leftVoicemail]).toEqual([false, false]);
    const receiver = leg(webhookVoicemailCall({ state: "voicemail", voicemail_link: null, voicemail_recording_id: null }));
    expect([receiver.hasVoicemail, receiver.leftVoicemail]).toEqual([true, false]);
  });

  it("has no Dialpad user on a call-center leg and keeps the operator leg link", () => {
    expect(leg(restCallCenterLeg())).toMatchObject({
      dialpadUserId: null,
      targetType: "call_center",
      targetName: "Support Queue",
      operatorCallId: "6112233445566778",
      entryPointCallId: null,
    });
  });

  it("marks internal calls from is_internal, or from a Dialpad-user contact when REST omits it", () => {
    expect(leg(webhookVoicemailCall({ is_internal: true })).isInternal).toBe(true);
    const colleague = { id: "5835806903417001", type: "user", name: "Dana", phone: "+14155551003", email: "dana@example.com" };
    expect(leg(restAnsweredCall({ contact: colleague })).isInternal).toBe(true);
  });

  it("rounds Dialpad's fractional duration to whole milliseconds", () => {
    expect(leg(restAnsweredCall({ duration: 11989.972 })).durationMs).toBe(11990);
    expect(leg(restAnsweredCall({ duration: null })).durationMs).toBeNull();
  });

  it("defaults a missing state to hangup and event time to the end time", () => {
    const bare = withoutKeys(restAnsweredCall(), "state", "event_timestamp");
    expect(leg(bare)).toMatchObject({ state: "hangup", eventTimestamp: 1767600191800 });
  });
});

describe("toDialpadUserRecord", () => {
  it("normalises emails and keeps the license", () => {
    expect(toDialpadUserRecord(dialpadUserSchema.parse(restUser()))).toEqual({
      dialpadUserId: "5835806903417907",
      emails: ["alex@example.com"],
      phoneNumbers: ["+14155551001"],
      displayName: "Alex Agent",
      firstName: "Alex",
      lastName: "Agent",
      state: "active",
      license: "talk",
      isSuperAdmin: true,
      timezone: "US/Pacific",
      jobTitle: "Account Executive",
    });
  });

  it("reads a deleted user with omitted lists and no license", () => {
    expect(toDialpadUserRecord(dialpadUserSchema.parse(restDeletedUser()))).toMatchObject({
      emails: [],
      phoneNumbers: [],
      displayName: "Dana Gone (deactivated)",
      state: "deleted",
      license: null,
      isSuperAdmin: false,
      timezone: null,
    });
  });

  it("falls back to first and last name when display_name is empty", () => {
    const user = dialpadUserSchema.parse(restUser({ display_name: "", last_name: null }));
    expect(toDialpadUserRecord(user).displayName).toBe("Alex");
  });
});

describe("toDialpadCompanyRecord", () => {
  it("lower-cases the domain", () => {
    expect(toDialpadCompanyRecord(dialpadCompanySchema.parse(restCompany()))).toEqual({
      dialpadCompanyId: "4508591728425653",
      name: "Example Inc",
      domain: "example.com",
    });
    expect(toDialpadCompanyRecord(dialpadCompanySchema.parse({ id: 1 })).domain).toBeNull();
  });
});

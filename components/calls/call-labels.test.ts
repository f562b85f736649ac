import { describe, expect, it } from "vitest";
import { describeCallKind, describeCallState, describeTargetType } from "./call-labels";

describe("call labels", () => {
  it("turns Dialpad's enums into words", () => {
    expect(["hangup", "voicemail", "voicemail_uploaded", "missed", "recap_summary"].map(describeCallState)).toEqual([
      "Ended", "Went to voicemail", "Voicemail recorded", "Missed", "Recap summary",
    ]);
    expect(["voicemail_left", "not_answered", "ignored_meeting"].map(describeCallKind)).toEqual([
      "Voicemail left (counted)", "Not answered", "Video meeting (ignored)",
    ]);
    expect([describeTargetType("office"), describeTargetType("callcenter"), describeTargetType(null)]).toEqual(["main line", "call center", null]);
  });
});

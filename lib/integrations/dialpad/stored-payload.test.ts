import { describe, expect, it } from "vitest";
import { toStoredCallPayload, toStoredRejectedRecord } from "./stored-payload";

const payload = {
  call_id: "1", direction: "outbound", state: "voicemail", date_started: 1000, was_recorded: true, labels: ["sales"],
  transcription_text: "please call back", custom_data: "crm:42", recap_summary: "asked for a callback",
  csat_transcriptions: ["great"], routing_breadcrumbs: [{ request: "x" }],
  voicemail_share_link: "https://dialpad.test/vm/1", call_recording_share_links: ["https://dialpad.test/r/1"],
  target: { id: "u1", type: "user", name: "Ann", status_message: "on leave" },
  recording_details: [{ id: "r1", recording_type: "callrecording", url: "https://dialpad.test/r1", duration: 5000 }, "https://dialpad.test/r2"],
};

describe("toStoredCallPayload", () => {
  it("keeps metadata only, in the order received, without content or recording links", () => {
    const stored = toStoredCallPayload(payload);
    expect(stored).toEqual({
      call_id: "1", direction: "outbound", state: "voicemail", date_started: 1000, was_recorded: true, labels: ["sales"],
      target: { id: "u1", type: "user", name: "Ann" },
      recording_details: [{ id: "r1", recording_type: "callrecording", duration: 5000 }],
    });
    expect(Object.keys(stored!)).toEqual(["call_id", "direction", "state", "date_started", "was_recorded", "labels", "target", "recording_details"]);
  });

  it("keeps recording and voicemail links only when asked to (the future setting Link to recordings in Dialpad)", () => {
    expect(toStoredCallPayload(payload, { keepRecordingLinks: true })).toMatchObject({
      voicemail_share_link: "https://dialpad.test/vm/1",
      call_recording_share_links: ["https://dialpad.test/r/1"],
      recording_details: [{ id: "r1", recording_type: "callrecording", url: "https://dialpad.test/r1", duration: 5000 }],
    });
    expect(toStoredCallPayload(payload, { keepRecordingLinks: true })).not.toHaveProperty("transcription_text");
  });

  it("stores anything but an object as null, and quarantines rejected records under the same rule", () => {
    expect(toStoredCallPayload("a voicemail transcript")).toBeNull();
    expect(toStoredCallPayload([payload])).toBeNull();
    expect(toStoredRejectedRecord({ raw: { ...payload, direction: "sideways" }, issues: ["direction"] })).toEqual({
      raw: expect.not.objectContaining({ transcription_text: expect.anything() }),
      issues: ["direction"],
    });
  });
});

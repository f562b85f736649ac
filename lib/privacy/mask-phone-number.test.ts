import { describe, expect, it } from "vitest";
import { findRecordingUrl } from "./recording-url";
import { maskPhoneNumber, shouldMaskNumbers } from "./mask-phone-number";
import { getRetentionCutoff } from "./retention-cutoff";
import { createZip, readZip } from "./zip";

describe("maskPhoneNumber", () => {
  it("keeps the country code and the last four digits", () => {
    expect(maskPhoneNumber("+14155550142")).toBe("+1 ••• ••• 0142");
    expect(maskPhoneNumber("+442071234567")).toBe("+44 ••• ••• 4567");
    expect(maskPhoneNumber("415-555-0142")).toBe("••• ••• 0142");
  });

  it("hides short numbers whole", () => {
    expect(maskPhoneNumber("1234")).toBe("•••");
  });
});

describe("shouldMaskNumbers", () => {
  it("masks for managers and employees by default, for admins only when masking everyone", () => {
    expect(["admin", "manager", "employee"].map((role) => shouldMaskNumbers(role as "admin", { maskNumbersFor: "managers" }))).toEqual([false, true, true]);
    expect(shouldMaskNumbers("admin", { maskNumbersFor: "everyone" })).toBe(true);
    expect(shouldMaskNumbers("manager", { maskNumbersFor: "nobody" })).toBe(false);
  });
});

describe("findRecordingUrl", () => {
  it("prefers the call recording, then the voicemail, and ignores anything but https", () => {
    expect(findRecordingUrl(JSON.stringify({ call_recording_share_links: ["https://dialpad.test/r/1"], voicemail_share_link: "https://dialpad.test/v/1" }))).toBe(
      "https://dialpad.test/r/1",
    );
    expect(findRecordingUrl(JSON.stringify({ call_recording_share_links: [], voicemail_share_link: "https://dialpad.test/v/1" }))).toBe("https://dialpad.test/v/1");
    expect(findRecordingUrl(JSON.stringify({ voicemail_link: "javascript:alert(1)" }))).toBeNull();
    expect(findRecordingUrl("not json")).toBeNull();
  });
});

describe("getRetentionCutoff", () => {
  it("goes back calendar months and clamps to the month's last day", () => {
    expect(new Date(getRetentionCutoff(Date.UTC(2026, 11, 2, 1, 0), 13)).toISOString()).toBe("2025-11-02T01:00:00.000Z");
    expect(new Date(getRetentionCutoff(Date.UTC(2026, 2, 31), 1)).toISOString()).toBe("2026-02-28T00:00:00.000Z");
  });
});

describe("createZip", () => {
  it("writes entries that read back byte for byte", () => {
    const zip = createZip([
      { name: "a.json", content: '{"name":"Zoë"}' },
      { name: "b.csv", content: "x,y\r\n1,2\r\n" },
    ]);
    expect(zip.subarray(0, 4).toString("hex")).toBe("504b0304");
    expect(Object.fromEntries(readZip(zip))).toEqual({ "a.json": '{"name":"Zoë"}', "b.csv": "x,y\r\n1,2\r\n" });
  });
});

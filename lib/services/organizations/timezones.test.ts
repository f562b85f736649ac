import { describe, expect, it } from "vitest";
import { listTimeZones, normalizeTimeZone } from "./timezones";

describe("normalizeTimeZone", () => {
  it("returns the canonical spelling of IANA names and aliases", () => {
    expect(normalizeTimeZone(" america/new_york ")).toBe("America/New_York");
    expect(normalizeTimeZone("UTC")).toBe("UTC");
    expect(normalizeTimeZone("Asia/Kolkata")).toBe("Asia/Kolkata");
    expect(normalizeTimeZone("asia/calcutta")).toBe("Asia/Kolkata");
    expect(normalizeTimeZone("Europe/Kiev")).toBe("Europe/Kyiv");
  });

  it("rejects offsets, blanks and made-up names", () => {
    expect([normalizeTimeZone("+05:30"), normalizeTimeZone(""), normalizeTimeZone("Mars/Olympus")]).toEqual([null, null, null]);
  });
});

describe("listTimeZones", () => {
  it("is sorted and includes UTC even where the runtime leaves it out", () => {
    const zones = listTimeZones();
    expect(zones).toContain("UTC");
    expect(zones).toContain("Europe/Berlin");
    expect(zones.filter((zone) => /Calcutta|Kolkata|Saigon|Ho_Chi_Minh/.test(zone))).toEqual(["Asia/Ho_Chi_Minh", "Asia/Kolkata"]);
    expect([...zones].sort()).toEqual(zones);
  });
});

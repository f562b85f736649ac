import { describe, expect, it } from "vitest";
import { formatUtcOffset, getUtcOffsetMinutes, listTimeZoneOptions, matchesTimeZoneQuery } from "./time-zone-options";

const winter = Date.UTC(2026, 0, 15, 12);
const summer = Date.UTC(2026, 6, 15, 12);

describe("time-zone options", () => {
  it("labels zones with their UTC offset at the given time, DST included", () => {
    expect(listTimeZoneOptions(["America/New_York"], winter)[0]!.label).toBe("(UTC−05:00) America/New_York");
    expect(listTimeZoneOptions(["America/New_York"], summer)[0]!.label).toBe("(UTC−04:00) America/New_York");
    expect(listTimeZoneOptions(["Asia/Kathmandu"], winter)[0]!.label).toBe("(UTC+05:45) Asia/Kathmandu");
    expect(listTimeZoneOptions(["UTC"], winter)[0]!.label).toBe("(UTC+00:00) UTC");
  });

  it("uses current names only and sorts west to east", () => {
    const options = listTimeZoneOptions(["Asia/Calcutta", "Asia/Kolkata", "Europe/Kiev", "Asia/Saigon", "America/Los_Angeles"], winter);
    expect(options.map((o) => o.value)).toEqual(["America/Los_Angeles", "Europe/Kyiv", "Asia/Kolkata", "Asia/Ho_Chi_Minh"]);
  });

  it("finds zones by city with a space, by region and by offset", () => {
    const [newYork] = listTimeZoneOptions(["America/New_York"], winter);
    expect(matchesTimeZoneQuery(newYork!, "new york")).toBe(true);
    expect(matchesTimeZoneQuery(newYork!, "new_york")).toBe(true);
    expect(matchesTimeZoneQuery(newYork!, "-05")).toBe(true);
    expect(matchesTimeZoneQuery(newYork!, "paris")).toBe(false);
  });

  it("formats offsets with hours and minutes", () => {
    expect(formatUtcOffset(-300)).toBe("(UTC−05:00)");
    expect(formatUtcOffset(330)).toBe("(UTC+05:30)");
    expect(getUtcOffsetMinutes("Australia/Lord_Howe", winter)).toBe(660);
  });
});

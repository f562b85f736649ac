import { describe, expect, it } from "vitest";
import { formatLocalTimeWithZone, formatZoneName } from "./dates";

describe("formatLocalTimeWithZone", () => {
  it("names American and European zones by their abbreviation and others by their offset", () => {
    const winter = Date.UTC(2026, 0, 5, 17, 32);
    const summer = Date.UTC(2026, 6, 5, 17, 32);
    expect(formatLocalTimeWithZone(winter, "America/New_York")).toBe("12:32 EST");
    expect(formatLocalTimeWithZone(summer, "America/New_York")).toBe("13:32 EDT");
    expect(formatLocalTimeWithZone(winter, "Europe/Berlin")).toBe("18:32 CET");
    expect(formatLocalTimeWithZone(summer, "Europe/Berlin")).toBe("19:32 CEST");
    expect(formatLocalTimeWithZone(winter, "Asia/Tokyo")).toBe("02:32 GMT+9");
    expect(formatZoneName(winter, "UTC")).toBe("UTC");
  });
});

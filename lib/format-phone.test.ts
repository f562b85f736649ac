import { describe, expect, it } from "vitest";
import { formatPhoneNumber } from "./format-phone";

describe("formatPhoneNumber", () => {
  it.each([
    ["+14155550142", undefined, "+1 415 555 0142"],
    ["+442071838750", undefined, "+44 20 7183 8750"],
    ["(415) 555-0142", "US", "+1 415 555 0142"],
    ["ext. 12", undefined, "ext. 12"],
    ["", undefined, ""],
  ])("shows %s (country %s) as %s", (value, country, shown) => {
    expect(formatPhoneNumber(value, country)).toBe(shown);
  });
});

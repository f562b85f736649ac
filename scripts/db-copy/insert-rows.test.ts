import { describe, expect, it } from "vitest";
import { toTargetValue } from "./insert-rows";

describe("values copied into PostgreSQL", () => {
  it("rounds a fractional number SQLite kept in an integer column and leaves everything else as it was", () => {
    expect(toTargetValue("bigint", 201732.709)).toBe(201733);
    expect(toTargetValue("integer", 2.5)).toBe(3);
    expect(toTargetValue("bigint", 1_787_158_716_092)).toBe(1_787_158_716_092);
    expect(toTargetValue("text", "201732.709")).toBe("201732.709");
    expect(toTargetValue("boolean", true)).toBe(true);
    expect(toTargetValue("bigint", null)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { describeProgress, RecalculationBanner } from "./recalculation-banner";

describe("RecalculationBanner", () => {
  it("counts done units of the total, singular for one", () => {
    expect(describeProgress({ unit: "employees", done: 0, total: 3 })).toBe("0 of 3 employees");
    expect(describeProgress({ unit: "employees", done: 3, total: 3 })).toBe("3 of 3 employees");
    expect(describeProgress({ unit: "employees", done: 0, total: 1 })).toBe("0 of 1 employee");
    expect(describeProgress({ unit: "roles", done: 1, total: 2 })).toBe("1 of 2 roles");
  });

  it("shows nothing once no recalculation runs", () => {
    expect(RecalculationBanner({ progress: [] })).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { getAdjacentDays, resolveDay } from "./day-param";

describe("resolveDay", () => {
  it("uses a valid date, defaults to today, and turns anything else into today with the input echoed", () => {
    expect(resolveDay("2026-02-28", "2026-03-10")).toEqual({ dayKey: "2026-02-28", today: "2026-03-10", rejectedInput: null });
    expect(resolveDay(undefined, "2026-03-10")).toEqual({ dayKey: "2026-03-10", today: "2026-03-10", rejectedInput: null });
    expect(resolveDay("  ", "2026-03-10").rejectedInput).toBeNull();
    expect(resolveDay("2026-02-30", "2026-03-10")).toEqual({ dayKey: "2026-03-10", today: "2026-03-10", rejectedInput: "2026-02-30" });
    expect(resolveDay("yesterday", "2026-03-10").rejectedInput).toBe("yesterday");
    expect(resolveDay("1969-12-31", "2026-03-10").rejectedInput).toBe("1969-12-31");
    expect(resolveDay(["2026-03-01", "2026-03-02"], "2026-03-10").dayKey).toBe("2026-03-01");
    expect(resolveDay({ nested: true }, "2026-03-10").rejectedInput).toBe("?");
  });

  it("caps an echoed input at 40 characters", () => {
    expect(resolveDay("x".repeat(500), "2026-03-10").rejectedInput).toHaveLength(40);
  });
});

describe("getAdjacentDays", () => {
  it("offers no next day from today or later", () => {
    expect(getAdjacentDays("2026-03-01", "2026-03-10")).toEqual({ previous: "2026-02-28", next: "2026-03-02" });
    expect(getAdjacentDays("2026-03-10", "2026-03-10")).toEqual({ previous: "2026-03-09", next: null });
    expect(getAdjacentDays("1970-01-01", "2026-03-10")).toEqual({ previous: null, next: "1970-01-02" });
  });
});

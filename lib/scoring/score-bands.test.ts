import { describe, expect, it } from "vitest";
import { getScoreBand } from "./score-bands";

describe("getScoreBand", () => {
  it("cuts the bands at 80, 60 and 40, both ends included", () => {
    expect([100, 80, 79, 60, 59, 40, 39, 0].map((score) => getScoreBand(score)?.key)).toEqual([
      "high", "high", "steady", "steady", "below", "below", "low", "low",
    ]);
  });

  it("gives no band to a day without a score", () => {
    expect(getScoreBand(null)).toBeNull();
  });
});

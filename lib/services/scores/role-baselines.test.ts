import { describe, expect, it } from "vitest";
import { addDays, listDayKeys } from "@/lib/dates";
import { computeRoleBaselines, computeRoleBaselinesForDays, groupActiveDays, type ActiveDay } from "./role-baselines";

const targets = { talkTime: 3_600_000, connectedCalls: 10 };

function generateActiveDays(seed: number, days: number, people: number): ActiveDay[] {
  let state = seed;
  const random = (n: number) => (state = (state * 48271) % 2147483647) % n;
  const rows: ActiveDay[] = [];
  for (const dayKey of listDayKeys("2026-01-01", addDays("2026-01-01", days - 1))) {
    for (let person = 0; person < people; person++) {
      // Gaps, repeated values and zeros, so ties and even counts come up.
      if (random(4) === 0) continue;
      rows.push({ dayKey, talkMs: random(3) === 0 ? 0 : random(50) * 60_000, connectedCalls: random(12) });
    }
  }
  return rows;
}

describe("computeRoleBaselinesForDays", () => {
  it("equals computeRoleBaselines day by day, with few and many peers", () => {
    for (const [seed, people] of [[7, 1], [11, 3], [13, 40]] as const) {
      const activeByDay = groupActiveDays(generateActiveDays(seed, 90, people));
      const sliding = computeRoleBaselinesForDays(activeByDay, "2026-01-10", "2026-03-31", targets);
      expect([...sliding.keys()]).toEqual(listDayKeys("2026-01-10", "2026-03-31"));
      for (const [dayKey, baselines] of sliding) expect(baselines).toEqual(computeRoleBaselines(activeByDay, dayKey, targets));
    }
  });

  it("uses the default targets until 5 active days exist in the window, then the peers' median", () => {
    const rows = ["2026-02-01", "2026-02-02", "2026-02-03", "2026-02-04", "2026-02-05"].map((dayKey, i) => ({
      dayKey, talkMs: (i + 1) * 60_000, connectedCalls: i * 2,
    }));
    const baselines = computeRoleBaselinesForDays(groupActiveDays(rows), "2026-02-05", "2026-02-06", targets);
    expect(baselines.get("2026-02-05")).toEqual({
      talkTime: { value: 3_600_000, source: "default", days: 0 },
      connectedCalls: { value: 10, source: "default", days: 0 },
    });
    expect(baselines.get("2026-02-06")).toEqual({
      talkTime: { value: 180_000, source: "peers", days: 5 },
      connectedCalls: { value: 4, source: "peers", days: 5 },
    });
  });
});

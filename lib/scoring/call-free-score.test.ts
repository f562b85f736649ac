import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreDayValues, type RoleBaselines } from "@/lib/services/scores/role-baselines";
import { getCallFreeScore } from "./call-free-score";
import { toBaseline, type SignalKey } from "./score";

const zero = { talkMs: 0, connectedCalls: 0 };
const weight = fc.integer({ min: 0, max: 5 });
// Targets as stored (whole numbers, 0 and below included) and as any double a row could hold.
const target = fc.oneof(fc.integer({ min: -5, max: 100_000_000 }), fc.constantFrom(0, -0, 1, 0.5), fc.double({ noNaN: true }));
// A peer window as toBaseline sees it: how many active days, and their median (null: none).
const window = fc.record({
  count: fc.integer({ min: 0, max: 200 }),
  median: fc.option(fc.oneof(fc.constantFrom(0, -0, 1, 0.5), fc.double({ noNaN: true }), fc.integer({ min: -10, max: 10_000_000 }))),
});

const full = (weights: Record<SignalKey, number>, baselines: RoleBaselines, isWorkDay: boolean) => {
  const { score, noScoreReason } = scoreDayValues(zero, baselines, weights, isWorkDay);
  return { score, noScoreReason };
};

describe("getCallFreeScore", () => {
  it("equals the full score of a day at 0 for any baselines toBaseline can give, or says only the peers can tell", () => {
    fc.assert(
      fc.property(
        fc.record({ talkTime: weight, connectedCalls: weight }),
        fc.record({ talkTime: target, connectedCalls: target }),
        fc.record({ talkTime: window, connectedCalls: window }),
        fc.boolean(),
        (weights, targets, windows, isWorkDay) => {
          const baselines = {
            talkTime: toBaseline(windows.talkTime.count, windows.talkTime.median, targets.talkTime),
            connectedCalls: toBaseline(windows.connectedCalls.count, windows.connectedCalls.median, targets.connectedCalls),
          };
          const expected = full(weights, baselines, isWorkDay);
          const fast = getCallFreeScore({ weights, targets }, isWorkDay);
          if (fast !== null) {
            expect(fast).toEqual(expected);
            return;
          }
          // Undecided only on a work day whose weighted targets are all ≤ 0: a peer baseline scores it 0.
          const hasPeerBaseline = (["talkTime", "connectedCalls"] as const).some((key) => weights[key] > 0 && baselines[key].source === "peers");
          expect(expected).toEqual(hasPeerBaseline ? { score: 0, noScoreReason: null } : { score: null, noScoreReason: "no_baseline" });
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("gives each reason from the settings alone", () => {
    const targets = { talkTime: 60 * 60_000, connectedCalls: 10 };
    expect(getCallFreeScore({ weights: { talkTime: 3, connectedCalls: 2 }, targets }, false)).toEqual({ score: null, noScoreReason: "non_work_day" });
    expect(getCallFreeScore({ weights: { talkTime: 0, connectedCalls: 0 }, targets }, true)).toEqual({ score: null, noScoreReason: "no_weights" });
    expect(getCallFreeScore({ weights: { talkTime: 3, connectedCalls: 2 }, targets }, true)).toEqual({ score: 0, noScoreReason: null });
    // One weighted signal with a target is enough: the other's baseline cannot lift a 0.
    expect(getCallFreeScore({ weights: { talkTime: 3, connectedCalls: 2 }, targets: { talkTime: 0, connectedCalls: 10 } }, true))
      .toEqual({ score: 0, noScoreReason: null });
    // An unweighted signal's target does not count.
    expect(getCallFreeScore({ weights: { talkTime: 3, connectedCalls: 0 }, targets: { talkTime: 0, connectedCalls: 10 } }, true)).toBeNull();
  });

  it("leaves to the peers only what they decide: the same settings give 0 with a peer median and no score without", () => {
    const weights = { talkTime: 3, connectedCalls: 0 };
    const calls = toBaseline(0, null, 10);
    expect(full(weights, { talkTime: toBaseline(5, 12 * 60_000, 0), connectedCalls: calls }, true)).toEqual({ score: 0, noScoreReason: null });
    expect(full(weights, { talkTime: toBaseline(4, 12 * 60_000, 0), connectedCalls: calls }, true)).toEqual({ score: null, noScoreReason: "no_baseline" });
  });

  it("refuses a weight outside 0–5 as computeScore does", () => {
    const targets = { talkTime: 1, connectedCalls: 1 };
    expect(() => getCallFreeScore({ weights: { talkTime: 6, connectedCalls: 0 }, targets }, false)).toThrow("Weight for talkTime must be an integer 0–5");
    expect(() => scoreDayValues(zero, { talkTime: toBaseline(0, null, 1), connectedCalls: toBaseline(0, null, 1) }, { talkTime: 6, connectedCalls: 0 }, false))
      .toThrow("Weight for talkTime must be an integer 0–5");
  });
});

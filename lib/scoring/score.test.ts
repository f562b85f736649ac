import { describe, expect, it } from "vitest";
import { describeScoringMethod, explainScore } from "./explain";
import { computeBaseline, computeScore, computeSignalPoints, isWorkDay, median, type Baseline } from "./score";

const MIN = 60_000;
const peers = (value: number, days = 12): Baseline => ({ value, source: "peers", days });
const target = (value: number): Baseline => ({ value, source: "default", days: 0 });

describe("computeSignalPoints", () => {
  it("gives 60 at the baseline, 100 at 1.67×, caps above and scales linearly below", () => {
    expect(computeSignalPoints(60 * MIN, 60 * MIN)).toBe(60);
    expect(computeSignalPoints(167, 100)).toBe(100);
    expect(computeSignalPoints(250, 100)).toBe(100);
    expect(computeSignalPoints(50, 100)).toBe(30);
    expect(computeSignalPoints(0, 100)).toBe(0);
    expect(computeSignalPoints(133.5, 100)).toBe(80);
    expect(computeSignalPoints(12, 10)).toBe(71.94);
    expect(() => computeSignalPoints(5, 0)).toThrow(RangeError);
  });
});

describe("median and computeBaseline", () => {
  it("takes the middle value, or the mean of the two middle values", () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([6, 1, 5, 2, 4, 3])).toBe(3.5);
    expect(median([])).toBeNull();
  });

  it("uses the default target until 5 active days exist", () => {
    expect(computeBaseline([10, 20, 30, 40], 25)).toEqual({ value: 25, source: "default", days: 0 });
    expect(computeBaseline([50, 10, 40, 20, 30], 25)).toEqual({ value: 30, source: "peers", days: 5 });
    expect(computeBaseline([0, 0, 0, 5, 0], 25)).toEqual({ value: 25, source: "default", days: 0 });
    expect(computeBaseline([1, 2, 3], 25, 3)).toEqual({ value: 2, source: "peers", days: 3 });
  });
});

describe("computeScore", () => {
  it("scores 60 at baseline and 100 at 1.67× baseline", () => {
    const atBaseline = computeScore({
      isWorkDay: true,
      signals: [
        { key: "talkTime", value: 60 * MIN, baseline: peers(60 * MIN), weight: 3 },
        { key: "connectedCalls", value: 10, baseline: peers(10), weight: 2 },
      ],
    });
    expect(atBaseline.score).toBe(60);
    const top = computeScore({
      isWorkDay: true,
      signals: [
        { key: "talkTime", value: 100.2 * MIN, baseline: peers(60 * MIN), weight: 3 },
        { key: "connectedCalls", value: 30, baseline: peers(10), weight: 2 },
      ],
    });
    expect(top.score).toBe(100);
  });

  it("mixes the signals by weight: (3 × 45 + 2 × 71.94) ÷ 5 = 55.78 → 56", () => {
    const breakdown = computeScore({
      isWorkDay: true,
      signals: [
        { key: "talkTime", value: 45 * MIN, baseline: peers(60 * MIN, 14), weight: 3 },
        { key: "connectedCalls", value: 12, baseline: target(10), weight: 2 },
      ],
    });
    expect(breakdown).toEqual({
      score: 56,
      noScoreReason: null,
      weightedMean: 55.78,
      signals: [
        { key: "talkTime", label: "Talk time", value: 45 * MIN, baseline: 60 * MIN, baselineSource: "peers",
          baselineDays: 14, ratio: 0.75, weight: 3, points: 45 },
        { key: "connectedCalls", label: "Connected calls", value: 12, baseline: 10, baselineSource: "default",
          baselineDays: 0, ratio: 1.2, weight: 2, points: 71.94 },
      ],
      explanation: "Score 56 of 100: the weighted mean of talk time 45 points × 3 and connected calls 71.94 points × 2.",
    });
    expect(explainScore(breakdown)).toEqual([
      "Talk time: 45m 00s against a baseline of 1h 00m (the role's median over 14 person-days), 0.75× the baseline, earns 45 points with weight 3.",
      "Connected calls: 12 calls against a baseline of 10 calls (the default target), 1.2× the baseline, earns 71.94 points with weight 2.",
      "Score = (3 × 45 + 2 × 71.94) ÷ 5 = 55.78, rounded to 56.",
    ]);
  });

  it("ignores a weight-0 signal and gives no score when every weight is 0", () => {
    const talkOnly = computeScore({
      isWorkDay: true,
      signals: [
        { key: "talkTime", value: 30 * MIN, baseline: peers(60 * MIN), weight: 3 },
        { key: "connectedCalls", value: 40, baseline: peers(10), weight: 0 },
      ],
    });
    expect(talkOnly.score).toBe(30);
    expect(explainScore(talkOnly)[1]).toBe("Connected calls: 40 calls. Weight 0, so it does not affect the score.");
    const none = computeScore({
      isWorkDay: true,
      signals: [
        { key: "talkTime", value: 30 * MIN, baseline: peers(60 * MIN), weight: 0 },
        { key: "connectedCalls", value: 4, baseline: peers(10), weight: 0 },
      ],
    });
    expect(none).toMatchObject({ score: null, noScoreReason: "no_weights", weightedMean: null });
    expect(none.explanation).toBe("No score: every signal has weight 0 for this role.");
  });

  it("gives no score to an idle day outside the work week, but scores idle work days 0", () => {
    const idle = [
      { key: "talkTime" as const, value: 0, baseline: peers(60 * MIN), weight: 3 },
      { key: "connectedCalls" as const, value: 0, baseline: peers(10), weight: 2 },
    ];
    expect(computeScore({ isWorkDay: false, signals: idle })).toMatchObject({ score: null, noScoreReason: "non_work_day" });
    expect(computeScore({ isWorkDay: true, signals: idle }).score).toBe(0);
    const saturdayCall = computeScore({
      isWorkDay: false,
      signals: [
        { key: "talkTime", value: 30 * MIN, baseline: peers(60 * MIN), weight: 3 },
        { key: "connectedCalls", value: 1, baseline: peers(10), weight: 2 },
      ],
    });
    // (3 × 30 + 2 × 6) ÷ 5 = 20.4
    expect(saturdayCall).toMatchObject({ score: 20, weightedMean: 20.4 });
  });

  it("leaves out a signal whose default target is 0", () => {
    const breakdown = computeScore({
      isWorkDay: true,
      signals: [
        { key: "talkTime", value: 90 * MIN, baseline: peers(60 * MIN), weight: 3 },
        { key: "connectedCalls", value: 5, baseline: target(0), weight: 2 },
      ],
    });
    // 1.5× → 60 + 40 × 0.5 / 0.67 = 89.85
    expect(breakdown).toMatchObject({ score: 90, weightedMean: 89.85 });
    expect(breakdown.signals[1]).toMatchObject({ ratio: null, points: null });
    const onlyZeroTarget = computeScore({
      isWorkDay: true,
      signals: [{ key: "connectedCalls", value: 5, baseline: target(0), weight: 2 }],
    });
    expect(onlyZeroTarget).toMatchObject({ score: null, noScoreReason: "no_baseline" });
  });

  it("rejects weights outside 0–5", () => {
    expect(() =>
      computeScore({ isWorkDay: true, signals: [{ key: "talkTime", value: 1, baseline: peers(1), weight: 6 }] }),
    ).toThrow(RangeError);
  });
});

describe("isWorkDay and describeScoringMethod", () => {
  it("checks the day's ISO weekday against the work week", () => {
    expect(isWorkDay("2026-03-08", [1, 2, 3, 4, 5])).toBe(false);
    expect(isWorkDay("2026-03-09", [1, 2, 3, 4, 5])).toBe(true);
  });

  it("states the published constants", () => {
    const text = describeScoringMethod().join(" ");
    expect(text).toContain("60 points");
    expect(text).toContain("1.67×");
    expect(text).toContain("last 28 days");
    expect(text).toContain("at least 5 such days");
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeContributions, getCoveredLength, unionIntervals, type IdentifiedInterval } from "./intervals";

const MIN = 60_000;

describe("unionIntervals", () => {
  it("merges overlapping and touching intervals and drops empty ones", () => {
    expect(
      unionIntervals([
        { start: 50, end: 60 },
        { start: 0, end: 10 },
        { start: 10, end: 20 },
        { start: 15, end: 18 },
        { start: 30, end: 30 },
        { start: 40, end: 35 },
      ]),
    ).toEqual([
      { start: 0, end: 20 },
      { start: 50, end: 60 },
    ]);
  });

  it("does not change its input", () => {
    const input = [{ start: 0, end: 10 }, { start: 5, end: 20 }];
    unionIntervals(input);
    expect(input).toEqual([{ start: 0, end: 10 }, { start: 5, end: 20 }]);
  });
});

describe("computeContributions", () => {
  it("credits a three-way call's second record only with its non-overlapping part", () => {
    // Record A 10:00–10:20, record B (participant added) 10:05–10:30: union 30 minutes.
    const { contributions, totalMs } = computeContributions([
      { id: "b", start: 5 * MIN, end: 30 * MIN },
      { id: "a", start: 0, end: 20 * MIN },
    ]);
    expect(totalMs).toBe(30 * MIN);
    expect(contributions.map((c) => [c.id, c.durationMs, c.contributionMs])).toEqual([
      ["a", 20 * MIN, 20 * MIN],
      ["b", 25 * MIN, 10 * MIN],
    ]);
  });

  it("gives a record fully inside an earlier one nothing, and breaks start ties by end then id", () => {
    const { contributions, totalMs } = computeContributions([
      { id: "long", start: 0, end: 10 },
      { id: "z", start: 0, end: 4 },
      { id: "y", start: 0, end: 4 },
      { id: "inner", start: 2, end: 3 },
    ]);
    expect(totalMs).toBe(10);
    expect(contributions.map((c) => [c.id, c.contributionMs])).toEqual([
      ["y", 4],
      ["z", 0],
      ["long", 6],
      ["inner", 0],
    ]);
  });
});

const intervalArb = fc
  .tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 }))
  .map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) }));
const identifiedArb = fc
  .array(intervalArb, { maxLength: 25 })
  .map((list): IdentifiedInterval[] => list.map((interval, i) => ({ ...interval, id: `c${i}` })));

function countCoveredPoints(intervals: readonly { start: number; end: number }[]): number {
  let count = 0;
  for (let point = -50; point < 50; point++) {
    if (intervals.some((interval) => interval.start <= point && point < interval.end)) count++;
  }
  return count;
}

describe("interval properties", () => {
  it("the union covers exactly the input points, sorted, disjoint and non-adjacent", () => {
    fc.assert(
      fc.property(identifiedArb, (intervals) => {
        const union = unionIntervals(intervals);
        expect(getCoveredLength(intervals)).toBe(countCoveredPoints(intervals));
        expect(countCoveredPoints(union)).toBe(countCoveredPoints(intervals));
        for (let i = 1; i < union.length; i++) expect(union[i]!.start).toBeGreaterThan(union[i - 1]!.end);
        expect(unionIntervals(union)).toEqual(union);
      }),
    );
  });

  it("the union is never longer than the wall-clock span nor the sum of durations", () => {
    fc.assert(
      fc.property(identifiedArb, (intervals) => {
        const total = getCoveredLength(intervals);
        const nonEmpty = intervals.filter((i) => i.end > i.start);
        const span = nonEmpty.length
          ? Math.max(...nonEmpty.map((i) => i.end)) - Math.min(...nonEmpty.map((i) => i.start))
          : 0;
        const sum = intervals.reduce((acc, i) => acc + (i.end - i.start), 0);
        expect(total).toBeLessThanOrEqual(span);
        expect(total).toBeLessThanOrEqual(sum);
      }),
    );
  });

  it("does not depend on input order", () => {
    fc.assert(
      fc.property(identifiedArb.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))),
        ([list, shuffled]) => {
          expect(unionIntervals(shuffled)).toEqual(unionIntervals(list));
          expect(computeContributions(shuffled)).toEqual(computeContributions(list));
        }),
    );
  });

  it("contributions add up to the union and each lies between 0 and its own duration", () => {
    fc.assert(
      fc.property(identifiedArb, (intervals) => {
        const { contributions, totalMs } = computeContributions(intervals);
        expect(totalMs).toBe(getCoveredLength(intervals));
        expect(contributions.reduce((acc, c) => acc + c.contributionMs, 0)).toBe(totalMs);
        for (const c of contributions) {
          expect(c.contributionMs).toBeGreaterThanOrEqual(0);
          expect(c.contributionMs).toBeLessThanOrEqual(c.durationMs);
        }
      }),
    );
  });
});

// How fast, next to a plain sort of the same data: `npm run bench:intervals`. This checks only the result,
// with a budget far past what it needs: about 5 s alone on a 2-CPU box, 49 s with both CPUs busy and other suites running.
describe("scale", () => {
  it("unions and credits 1,000,000 intervals: the contributions add up to the covered length", () => {
    const intervals: IdentifiedInterval[] = [];
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    for (let i = 0; i < 1_000_000; i++) {
      const start = Math.floor(random() * 365 * 86_400_000);
      intervals.push({ id: String(i), start, end: start + Math.floor(random() * 30 * MIN) });
    }
    const { contributions, totalMs } = computeContributions(intervals);
    expect(contributions).toHaveLength(1_000_000);
    expect(totalMs).toBe(getCoveredLength(intervals));
    expect(contributions.reduce((sum, c) => sum + c.contributionMs, 0)).toBe(totalMs);
  }, 120_000);
});

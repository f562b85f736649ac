// Half-open intervals [start, end) of UTC epoch ms, and the rule that time is never counted
// twice: an employee's counted time is the union of their intervals. An interval whose end is
// not after its start is empty and covers nothing.

export interface Interval {
  start: number;
  end: number;
}

export interface IdentifiedInterval extends Interval {
  id: string;
}

export interface Contribution {
  id: string;
  start: number;
  end: number;
  /** The interval's own length. */
  durationMs: number;
  /** The part of the interval no earlier interval (in walking order) already covered. */
  contributionMs: number;
}

export function getIntervalLength(interval: Interval): number {
  return Math.max(0, interval.end - interval.start);
}

function compareByStartThenEnd(a: Interval, b: Interval): number {
  return a.start - b.start || a.end - b.end;
}

function compareForWalk(a: IdentifiedInterval, b: IdentifiedInterval): number {
  return compareByStartThenEnd(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Sorted, disjoint, non-adjacent intervals covering exactly what the input covers. */
export function unionIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((interval) => interval.end > interval.start).sort(compareByStartThenEnd);
  const union: Interval[] = [];
  let current: Interval | null = null;
  for (const interval of sorted) {
    if (current && interval.start <= current.end) {
      if (interval.end > current.end) current.end = interval.end;
    } else {
      current = { start: interval.start, end: interval.end };
      union.push(current);
    }
  }
  return union;
}

/** Length of the union of the intervals. */
export function getCoveredLength(intervals: readonly Interval[]): number {
  let totalMs = 0;
  for (const interval of unionIntervals(intervals)) totalMs += interval.end - interval.start;
  return totalMs;
}

/**
 * Walks the intervals by start (ties: earlier end first, then id) and credits each with the part
 * not already covered by the ones before it, so the contributions add up exactly to the union.
 * Returns contributions in walking order. O(n log n).
 */
export function computeContributions(intervals: readonly IdentifiedInterval[]): {
  contributions: Contribution[];
  totalMs: number;
} {
  const contributions: Contribution[] = [];
  const totalMs = creditContributions([...intervals], (interval, contributionMs) => {
    const { id, start, end } = interval;
    contributions.push({ id, start, end, durationMs: Math.max(0, end - start), contributionMs });
  });
  return { contributions, totalMs };
}

/**
 * computeContributions without an object per interval (the recompute walks a million): sorts
 * `intervals` in place, hands each with its contribution to `credit` in walking order, and returns
 * the length of the union.
 */
export function creditContributions<T extends IdentifiedInterval>(intervals: T[], credit: (interval: T, contributionMs: number) => void): number {
  intervals.sort(compareForWalk);
  // Every earlier interval starts at or before this one, so what they cover from here on is
  // the single stretch [start, coveredUntil).
  let coveredUntil = -Infinity;
  let totalMs = 0;
  for (let i = 0; i < intervals.length; i++) {
    const interval = intervals[i]!;
    const contributionMs = Math.max(0, interval.end - Math.max(interval.start, coveredUntil));
    if (interval.end > coveredUntil) coveredUntil = interval.end;
    totalMs += contributionMs;
    credit(interval, contributionMs);
  }
  return totalMs;
}

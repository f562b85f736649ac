// ?from=YYYY-MM-DD&to=YYYY-MM-DD as the range view and the team export read it.
import { addDays, diffDays, formatDayKey, type DayKey } from "@/lib/dates";
import { dateParamSchema, isViewableDay } from "./day-param";

export interface DayRange {
  from: DayKey;
  to: DayKey;
}

export type RangeParse = { ok: true; range: DayRange } | { ok: false; message: string };

/**
 * A range of at most `maxDays` days, both ends included. Either end may be left out: the other end
 * then stands for `fallbackDays` days; both left out is `fallback`.
 */
export function parseDayRange(
  raw: { from: unknown; to: unknown },
  options: { maxDays: number; fallback: DayRange; fallbackDays: number },
): RangeParse {
  const from = dateParamSchema.safeParse(raw.from);
  const to = dateParamSchema.safeParse(raw.to);
  if (!from.success || !to.success) return { ok: false, message: "Give one start date (from) and one end date (to) as YYYY-MM-DD." };
  for (const value of [from.data, to.data]) {
    if (value !== undefined && !isViewableDay(value)) {
      return { ok: false, message: `“${value.slice(0, 40)}” is not a date. Use YYYY-MM-DD, for example 2026-11-30.` };
    }
  }
  const range = resolveEnds(from.data, to.data, options);
  const days = diffDays(range.from, range.to) + 1;
  if (days < 1) return { ok: false, message: `The range ends (${formatDayKey(range.to)}) before it starts (${formatDayKey(range.from)}).` };
  if (days > options.maxDays) {
    return {
      ok: false,
      message: `Choose at most ${options.maxDays} days: ${formatDayKey(range.from)} to ${formatDayKey(range.to)} is ${days} days.`,
    };
  }
  return { ok: true, range };
}

function resolveEnds(from: DayKey | undefined, to: DayKey | undefined, options: { fallback: DayRange; fallbackDays: number }): DayRange {
  if (from !== undefined && to !== undefined) return { from, to };
  if (from !== undefined) return { from, to: addDays(from, options.fallbackDays - 1) };
  if (to !== undefined) return { from: addDays(to, -(options.fallbackDays - 1)), to };
  return options.fallback;
}

/** The same number of days just before or after `range` (for previous/next links). */
export function shiftRange(range: DayRange, direction: -1 | 1): DayRange {
  const length = diffDays(range.from, range.to) + 1;
  return { from: addDays(range.from, direction * length), to: addDays(range.to, direction * length) };
}

// Splits counted intervals at the employee's local day boundaries (lib/dates owns the boundaries).
import { addDays, createLocalDayCalendar, type DayKey, type LocalDayCalendar } from "@/lib/dates";
import type { Interval } from "./intervals";

export interface DaySlice extends Interval {
  dayKey: DayKey;
}

/** The non-empty parts of [start, end) in each local day it touches, in time order. */
export function splitIntervalByDay(interval: Interval, calendar: LocalDayCalendar): DaySlice[] {
  const slices: DaySlice[] = [];
  if (interval.end <= interval.start) return slices;
  let dayKey = calendar.getDayKey(interval.start);
  for (;;) {
    const bounds = calendar.getBounds(dayKey);
    const start = Math.max(interval.start, bounds.start);
    const end = Math.min(interval.end, bounds.end);
    if (end > start) slices.push({ dayKey, start, end });
    if (interval.end <= bounds.end) return slices;
    dayKey = addDays(dayKey, 1);
  }
}

/** splitIntervalByDay for a one-off call; prefer a shared calendar when splitting many. */
export function splitIntoLocalDays(interval: Interval, timeZone: string, dayStartHour = 0): DaySlice[] {
  return splitIntervalByDay(interval, createLocalDayCalendar(timeZone, dayStartHour));
}

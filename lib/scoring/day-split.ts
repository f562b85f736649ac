// Splits counted intervals at the employee's local day boundaries (lib/dates owns the boundaries).
import { getLocalDayCalendar, type DayKey, type LocalDayCalendar } from "@/lib/dates";
import type { Interval } from "./intervals";

export interface DaySlice extends Interval {
  dayKey: DayKey;
}

/** The non-empty parts of [start, end) in each local day it touches, in time order. */
export function splitIntervalByDay(interval: Interval, calendar: LocalDayCalendar): DaySlice[] {
  const slices: DaySlice[] = [];
  let cursor = interval.start;
  while (cursor < interval.end) {
    const day = calendar.getDay(cursor);
    const end = Math.min(interval.end, day.end);
    slices.push({ dayKey: day.dayKey, start: cursor, end });
    cursor = end;
  }
  return slices;
}

/** splitIntervalByDay for a one-off call; prefer a shared calendar when splitting many. */
export function splitIntoLocalDays(interval: Interval, timeZone: string, dayStartHour = 0): DaySlice[] {
  return splitIntervalByDay(interval, getLocalDayCalendar(timeZone, dayStartHour));
}

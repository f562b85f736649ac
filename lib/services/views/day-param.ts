import { z } from "@/lib/zod";
import { addDays, diffDays, isValidDayKey, type DayKey } from "@/lib/dates";

// Days the views accept: wide enough for any real history, narrow enough that prev/next links and
// local-day arithmetic never leave the four-digit years.
const FIRST_DAY = "1970-01-01";
const LAST_DAY = "2100-12-31";

/** ?date=… as the views read it: the first value when repeated, absent when empty. */
export const dateParamSchema = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined);

export interface ResolvedDay {
  dayKey: DayKey;
  today: DayKey;
  /** The rejected input, shown back to the user; null when the date was valid or absent. */
  rejectedInput: string | null;
}

export function isViewableDay(value: string): boolean {
  return isValidDayKey(value) && value >= FIRST_DAY && value <= LAST_DAY;
}

/** A valid date is used as given; a missing one means today; anything else is today plus a message. */
export function resolveDay(raw: unknown, today: DayKey): ResolvedDay {
  const parsed = dateParamSchema.safeParse(raw);
  const input = parsed.success ? parsed.data : "?";
  if (input === undefined) return { dayKey: today, today, rejectedInput: null };
  if (isViewableDay(input)) return { dayKey: input, today, rejectedInput: null };
  return { dayKey: today, today, rejectedInput: input.slice(0, 40) };
}

/** The days ending at `dayKey`, oldest first: `count` of them. */
export function listTrailingDays(dayKey: DayKey, count: number): { from: DayKey; to: DayKey } {
  return { from: addDays(dayKey, -(count - 1)), to: dayKey };
}

export function getAdjacentDays(dayKey: DayKey, today: DayKey): { previous: DayKey | null; next: DayKey | null } {
  const previous = addDays(dayKey, -1);
  const next = addDays(dayKey, 1);
  return {
    previous: isViewableDay(previous) ? previous : null,
    // Days after today have nothing to show yet.
    next: diffDays(next, today) >= 0 && isViewableDay(next) ? next : null,
  };
}

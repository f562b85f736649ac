// Local-time helpers for the generator. Offsets are looked up once per (zone, UTC hour) and memoised;
// every zone we use changes offset only on whole hours, so that is exact and fast.

const HOUR = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Offset of `timeZone` from UTC in ms at instant `ts` (local = utc + offset). */
export function zoneOffsetMs(timeZone: string, ts: number): number {
  const hourStart = Math.floor(ts / HOUR) * HOUR;
  const key = `${timeZone}|${hourStart}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const parts = formatterFor(timeZone).formatToParts(new Date(hourStart));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  const offset = asUtc - hourStart;
  if (offsetCache.size > 200_000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

export interface LocalTime {
  hour: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

export function localTime(timeZone: string, ts: number): LocalTime {
  const local = new Date(ts + zoneOffsetMs(timeZone, ts));
  return { hour: local.getUTCHours(), weekday: local.getUTCDay() };
}

/** The first local midnight strictly after `from` (within 26 hours), as a UTC instant. */
export function nextLocalMidnight(timeZone: string, from: number): number {
  const isMidnight = (t: number) => Math.floor((t + zoneOffsetMs(timeZone, t)) / 60_000) % 1440 === 0;
  // Candidates on whole and half UTC hours cover zones with :30 offsets such as Asia/Kolkata.
  for (let t = Math.floor(from / HOUR) * HOUR; t <= from + 26 * HOUR; t += HOUR / 2) {
    if (t > from && isMidnight(t)) return t;
  }
  throw new Error(`no local midnight found for ${timeZone}`);
}

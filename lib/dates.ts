// The one home of time (STYLE rule 8): day keys, local-day boundaries in an IANA zone with a
// day-start hour, DST, and the clock/duration formats the UI shows. Instants are UTC epoch ms.
import { tz, tzOffset } from "@date-fns/tz";
import { format } from "date-fns";
import { z } from "@/lib/zod";

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const DAY_KEY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A local calendar day, "YYYY-MM-DD". */
export type DayKey = string;
export const dayKeySchema = z.string().refine(isValidDayKey, "Expected a date as YYYY-MM-DD");
export const timeZoneSchema = z.string().refine(isValidTimeZone, "Unknown IANA time zone");
export const dayStartHourSchema = z.number().int().min(0).max(23);

/** A local day as the half-open UTC interval [start, end). */
export interface DayBounds {
  start: number;
  end: number;
}

export function isValidDayKey(value: unknown): value is DayKey {
  if (typeof value !== "string") return false;
  const match = DAY_KEY_PATTERN.exec(value);
  if (!match) return false;
  const ms = new Date(0).setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return toDayKeyFromEpochDay(ms / DAY_MS) === value;
}

const validZones = new Map<string, boolean>();

/** IANA names only ("Asia/Kolkata", "UTC"); raw offsets such as "+05:30" are rejected. */
export function isValidTimeZone(value: unknown): value is string {
  if (typeof value !== "string" || value === "" || /^[+-]/.test(value)) return false;
  let isValid = validZones.get(value);
  if (isValid === undefined) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: value });
      isValid = true;
    } catch {
      isValid = false;
    }
    if (validZones.size > 1_000) validZones.clear(); // bounded: names may come from user input
    validZones.set(value, isValid);
  }
  return isValid;
}

function toEpochDay(dayKey: DayKey): number {
  const match = DAY_KEY_PATTERN.exec(dayKey);
  if (!match || !isValidDayKey(dayKey)) throw new RangeError(`Invalid day key: ${dayKey}`);
  return new Date(0).setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
}

function toDayKeyFromEpochDay(epochDay: number): DayKey {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(dayKey: DayKey, days: number): DayKey {
  return toDayKeyFromEpochDay(toEpochDay(dayKey) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function diffDays(from: DayKey, to: DayKey): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** Every day key from `from` to `to`, both included; empty when `to` is before `from`. */
export function listDayKeys(from: DayKey, to: DayKey): DayKey[] {
  const first = toEpochDay(from);
  const last = toEpochDay(to);
  const keys: DayKey[] = [];
  for (let day = first; day <= last; day++) keys.push(toDayKeyFromEpochDay(day));
  return keys;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function getIsoWeekday(dayKey: DayKey): number {
  // Epoch day 0 (1970-01-01) was a Thursday, ISO weekday 4.
  return ((((toEpochDay(dayKey) + 3) % 7) + 7) % 7) + 1;
}

function assertZoneAndHour(timeZone: string, dayStartHour: number): void {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  if (!dayStartHourSchema.safeParse(dayStartHour).success) {
    throw new RangeError(`Day-start hour must be an integer 0–23, got ${dayStartHour}`);
  }
}

function getOffsetMs(timeZone: string, ms: number): number {
  return tzOffset(timeZone, new Date(ms)) * MINUTE_MS;
}

// Wall-clock time (encoded as if it were UTC) → instant, with Temporal's "compatible" rule:
// a repeated wall time (fall back) takes its earlier occurrence; a skipped wall time (spring
// forward) moves forward by the gap, e.g. 02:30 on a New York spring-forward day is 03:30 EDT.
// TZDate is not used here because its choice for repeated times depends on the host's zone.
function getInstantForWallTime(wallMs: number, timeZone: string): number {
  const withEarlierOffset = wallMs - getOffsetMs(timeZone, wallMs - DAY_MS);
  const withLaterOffset = wallMs - getOffsetMs(timeZone, wallMs + DAY_MS);
  const isExact = (ms: number) => ms + getOffsetMs(timeZone, ms) === wallMs;
  const isEarlierExact = isExact(withEarlierOffset);
  const isLaterExact = isExact(withLaterOffset);
  if (isEarlierExact && isLaterExact) return Math.min(withEarlierOffset, withLaterOffset);
  if (isLaterExact) return withLaterOffset;
  return withEarlierOffset;
}

function computeDayStart(dayKey: DayKey, timeZone: string, dayStartHour: number): number {
  return getInstantForWallTime(toEpochDay(dayKey) * DAY_MS + dayStartHour * HOUR_MS, timeZone);
}

/**
 * The local day `dayKey` in `timeZone`, starting at `dayStartHour`:00 local time and ending where
 * the next day starts, so DST days last 23 or 25 hours and consecutive days never overlap or gap.
 */
export function getLocalDayBounds(dayKey: DayKey, timeZone: string, dayStartHour = 0): DayBounds {
  assertZoneAndHour(timeZone, dayStartHour);
  return {
    start: computeDayStart(dayKey, timeZone, dayStartHour),
    end: computeDayStart(addDays(dayKey, 1), timeZone, dayStartHour),
  };
}

/** The local day (see getLocalDayBounds) that contains the instant `ms`. */
export function getDayKeyForInstant(ms: number, timeZone: string, dayStartHour = 0): DayKey {
  assertZoneAndHour(timeZone, dayStartHour);
  const wallMs = ms + getOffsetMs(timeZone, ms);
  return toDayKeyFromEpochDay(Math.floor((wallMs - dayStartHour * HOUR_MS) / DAY_MS));
}

/** One local day: its key and UTC bounds [start, end). */
export interface LocalDay extends DayBounds {
  dayKey: DayKey;
}

export interface LocalDayCalendar {
  timeZone: string;
  dayStartHour: number;
  /** The local day containing the instant `ms`; its `end` is the next day's `start`. */
  getDay(ms: number): LocalDay;
  getDayKey(ms: number): DayKey;
  getBounds(dayKey: DayKey): DayBounds;
}

const calendars = new Map<string, LocalDayCalendar>();

/**
 * Memoized day lookups for one zone and day-start hour, shared by every caller, for bulk work
 * over many calls: after warming up, a lookup is two Map reads and no time-zone arithmetic.
 */
export function getLocalDayCalendar(timeZone: string, dayStartHour = 0): LocalDayCalendar {
  const cacheKey = `${timeZone}|${dayStartHour}`;
  let calendar = calendars.get(cacheKey);
  if (!calendar) {
    assertZoneAndHour(timeZone, dayStartHour);
    calendar = buildCalendar(timeZone, dayStartHour);
    calendars.set(cacheKey, calendar);
  }
  return calendar;
}

function buildCalendar(timeZone: string, dayStartHour: number): LocalDayCalendar {
  const startByEpochDay = new Map<number, number>();
  const dayByEpochDay = new Map<number, LocalDay>();
  // Each UTC day maps to the one to three local days that overlap it, in time order.
  const daysByUtcDay = new Map<number, LocalDay[]>();
  const getStart = (epochDay: number) => {
    let start = startByEpochDay.get(epochDay);
    if (start === undefined) {
      start = computeDayStart(toDayKeyFromEpochDay(epochDay), timeZone, dayStartHour);
      startByEpochDay.set(epochDay, start);
    }
    return start;
  };
  const getDayByEpochDay = (epochDay: number) => {
    let day = dayByEpochDay.get(epochDay);
    if (!day) {
      day = { dayKey: toDayKeyFromEpochDay(epochDay), start: getStart(epochDay), end: getStart(epochDay + 1) };
      dayByEpochDay.set(epochDay, day);
    }
    return day;
  };
  const getEpochDay = (ms: number) => Math.floor((ms + getOffsetMs(timeZone, ms) - dayStartHour * HOUR_MS) / DAY_MS);
  const getDay = (ms: number) => {
    const utcDay = Math.floor(ms / DAY_MS);
    let days = daysByUtcDay.get(utcDay);
    if (!days) {
      const utcStart = utcDay * DAY_MS;
      const utcEnd = utcStart + DAY_MS;
      let first = Math.min(getEpochDay(utcStart), getEpochDay(utcEnd - 1));
      let last = Math.max(getEpochDay(utcStart), getEpochDay(utcEnd - 1));
      // Widen until the local days provably cover the whole UTC day, whatever the zone's rules.
      while (getStart(first) > utcStart) first--;
      while (getStart(last + 1) < utcEnd) last++;
      days = [];
      for (let epochDay = first; epochDay <= last; epochDay++) days.push(getDayByEpochDay(epochDay));
      daysByUtcDay.set(utcDay, days);
    }
    for (let i = days.length - 1; i > 0; i--) if (days[i]!.start <= ms) return days[i]!;
    return days[0]!;
  };
  return {
    timeZone,
    dayStartHour,
    getDay,
    getDayKey: (ms) => getDay(ms).dayKey,
    getBounds: (dayKey) => {
      const { start, end } = getDayByEpochDay(toEpochDay(dayKey));
      return { start, end };
    },
  };
}

// The Intl formatter per zone that names its offset ("EST", "GMT+1"); building one is slow.
const zoneNameFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * " EDT" or " EST" when the wall-clock time at `ms` happens twice in the zone (the repeated hour of a
 * fall-back day), so two calls both at "01:29" can be told apart; "" for every other time.
 */
function getRepeatedTimeSuffix(ms: number, timeZone: string): string {
  const offset = getOffsetMs(timeZone, ms);
  // Offsets change by at most an hour, so 3 hours either side sees the other offset of a repeated hour.
  const isRepeated = [ms - 3 * HOUR_MS, ms + 3 * HOUR_MS].some((probe) => {
    const other = getOffsetMs(timeZone, probe);
    return other !== offset && getOffsetMs(timeZone, ms + offset - other) === other;
  });
  if (!isRepeated) return "";
  let zoneName = zoneNameFormats.get(timeZone);
  if (!zoneName) {
    zoneName = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" });
    zoneNameFormats.set(timeZone, zoneName);
  }
  return ` ${zoneName.formatToParts(ms).find((part) => part.type === "timeZoneName")?.value ?? ""}`;
}

/** Local clock time, 24-hour: "14:05", or "01:29 EDT" in a fall-back day's repeated hour. */
export function formatLocalTime(ms: number, timeZone: string): string {
  return format(ms, "HH:mm", { in: tz(timeZone) }) + getRepeatedTimeSuffix(ms, timeZone);
}

/**
 * formatLocalTime for many instants in one zone (a day's calls): the zone's offset is looked up
 * once per UTC quarter hour, which is safe because offsets and their changes fall on quarter hours.
 */
export function createLocalTimeFormatter(timeZone: string): (ms: number) => string {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  const byQuarter = new Map<number, { offset: number; suffix: string }>();
  return (ms) => {
    const quarter = Math.floor(ms / (15 * MINUTE_MS));
    let zone = byQuarter.get(quarter);
    if (zone === undefined) {
      zone = { offset: getOffsetMs(timeZone, ms), suffix: getRepeatedTimeSuffix(ms, timeZone) };
      byQuarter.set(quarter, zone);
    }
    return new Date(ms + zone.offset).toISOString().slice(11, 16) + zone.suffix;
  };
}

// en-US names American zones ("EST"), en-GB the European ones ("CET"); each falls back to "GMT+1".
const zoneNameLocales = ["en-US", "en-GB"] as const;
const zoneNameFormatsByLocale = new Map<string, Intl.DateTimeFormat>();

/** The zone's short name at `ms`: "EST", "CET", "UTC", or an offset such as "GMT+9". */
export function formatZoneName(ms: number, timeZone: string): string {
  let name = "";
  for (const locale of zoneNameLocales) {
    const key = `${locale}|${timeZone}`;
    let formatter = zoneNameFormatsByLocale.get(key);
    if (!formatter) {
      formatter = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" });
      zoneNameFormatsByLocale.set(key, formatter);
    }
    name = formatter.formatToParts(ms).find((part) => part.type === "timeZoneName")?.value ?? "";
    if (!/^GMT[+-]/.test(name)) return name;
  }
  return name;
}

/** "12:32 EST": a clock time with its zone, for places outside the person's own day. */
export function formatLocalTimeWithZone(ms: number, timeZone: string): string {
  return `${format(ms, "HH:mm", { in: tz(timeZone) })} ${formatZoneName(ms, timeZone)}`;
}

/** Local clock time with seconds, 24-hour: "14:05:09" ("01:29:05 EST" in a repeated hour). */
export function formatLocalTimeWithSeconds(ms: number, timeZone: string): string {
  return format(ms, "HH:mm:ss", { in: tz(timeZone) }) + getRepeatedTimeSuffix(ms, timeZone);
}

/** Local date and clock time: "Sun 8 Mar 2026, 14:05" ("…, 01:29 EDT" in a repeated hour). */
export function formatLocalDateTime(ms: number, timeZone: string): string {
  return format(ms, "EEE d MMM yyyy, HH:mm", { in: tz(timeZone) }) + getRepeatedTimeSuffix(ms, timeZone);
}

/** A day key for people: "Sun 8 Mar 2026". */
export function formatDayKey(dayKey: DayKey): string {
  return format(toEpochDay(dayKey) * DAY_MS, "EEE d MMM yyyy", { in: tz("UTC") });
}

/** "1h 02m" from one hour up, "4m 05s" from one minute up, else "45s"; partial units are dropped. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.floor(Math.max(0, ms) / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  if (hours > 0) return `${hours}h ${pad(minutes)}m`;
  if (minutes > 0) return `${minutes}m ${pad(seconds)}s`;
  return `${seconds}s`;
}

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  getLocalDayCalendar,
  dayKeySchema,
  diffDays,
  formatDayKey,
  formatDuration,
  formatLocalDateTime,
  formatLocalTime,
  formatLocalTimeWithSeconds,
  createLocalTimeFormatter,
  getDayKeyForInstant,
  getIsoWeekday,
  getLocalDayBounds,
  isValidDayKey,
  isValidTimeZone,
  listDayKeys,
} from "./dates";

const HOUR = 3_600_000;
const utc = (iso: string) => Date.parse(iso);
const boundsIso = (dayKey: string, zone: string, hour = 0) => {
  const { start, end } = getLocalDayBounds(dayKey, zone, hour);
  return { start: new Date(start).toISOString(), end: new Date(end).toISOString(), hours: (end - start) / HOUR };
};

describe("day keys", () => {
  it("accepts only real calendar dates written YYYY-MM-DD", () => {
    expect(isValidDayKey("2028-02-29")).toBe(true);
    expect(isValidDayKey("2026-02-29")).toBe(false);
    expect(isValidDayKey("2026-3-8")).toBe(false);
    expect(isValidDayKey("2026-13-01")).toBe(false);
    expect(isValidDayKey(20260308)).toBe(false);
    expect(dayKeySchema.safeParse("2026-04-31").success).toBe(false);
  });

  it("adds days across months, years and leap days", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-03-08", -28)).toBe("2026-02-08");
    expect(diffDays("2026-02-08", "2026-03-08")).toBe(28);
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
  });

  it("lists days inclusively and returns nothing for a reversed range", () => {
    expect(listDayKeys("2026-02-27", "2026-03-02")).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
    expect(listDayKeys("2026-03-02", "2026-03-01")).toEqual([]);
  });

  it("gives ISO weekdays, Monday = 1", () => {
    expect(getIsoWeekday("2026-03-08")).toBe(7);
    expect(getIsoWeekday("2026-03-09")).toBe(1);
    expect(getIsoWeekday("1969-12-31")).toBe(3);
  });
});

describe("time zones", () => {
  it("accepts IANA names and rejects raw offsets and unknown names", () => {
    expect(isValidTimeZone("Asia/Kolkata")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isValidTimeZone("+05:30")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
    expect(() => getLocalDayBounds("2026-03-08", "Mars/Olympus_Mons", 0)).toThrow(RangeError);
    expect(() => getLocalDayBounds("2026-03-08", "UTC", 24)).toThrow(RangeError);
  });
});

describe("getLocalDayBounds", () => {
  it("gives New York a 23-hour spring-forward day and a 25-hour fall-back day", () => {
    expect(boundsIso("2026-03-08", "America/New_York")).toEqual({
      start: "2026-03-08T05:00:00.000Z", end: "2026-03-09T04:00:00.000Z", hours: 23,
    });
    expect(boundsIso("2026-11-01", "America/New_York")).toEqual({
      start: "2026-11-01T04:00:00.000Z", end: "2026-11-02T05:00:00.000Z", hours: 25,
    });
  });

  it("gives London a 23-hour day on 2026-03-29 and a 25-hour day on 2026-10-25", () => {
    expect(boundsIso("2026-03-29", "Europe/London")).toEqual({
      start: "2026-03-29T00:00:00.000Z", end: "2026-03-29T23:00:00.000Z", hours: 23,
    });
    expect(boundsIso("2026-10-25", "Europe/London")).toEqual({
      start: "2026-10-24T23:00:00.000Z", end: "2026-10-26T00:00:00.000Z", hours: 25,
    });
  });

  it("handles a half-hour offset zone (Asia/Kolkata, +05:30)", () => {
    expect(boundsIso("2026-03-10", "Asia/Kolkata")).toEqual({
      start: "2026-03-09T18:30:00.000Z", end: "2026-03-10T18:30:00.000Z", hours: 24,
    });
    expect(boundsIso("2026-03-10", "Asia/Kolkata", 6)).toEqual({
      start: "2026-03-10T00:30:00.000Z", end: "2026-03-11T00:30:00.000Z", hours: 24,
    });
  });

  it("moves a day-start hour that falls into a DST gap forward to the end of the gap", () => {
    // 02:00 does not exist in New York on 2026-03-08; the day starts when clocks read 03:00 EDT.
    expect(boundsIso("2026-03-08", "America/New_York", 2)).toEqual({
      start: "2026-03-08T07:00:00.000Z", end: "2026-03-09T06:00:00.000Z", hours: 23,
    });
    expect(boundsIso("2026-03-29", "Europe/London", 1)).toEqual({
      start: "2026-03-29T01:00:00.000Z", end: "2026-03-30T00:00:00.000Z", hours: 23,
    });
    // Santiago skips midnight itself: 2026-09-06 00:00 never shows on the clock.
    expect(boundsIso("2026-09-06", "America/Santiago")).toEqual({
      start: "2026-09-06T04:00:00.000Z", end: "2026-09-07T03:00:00.000Z", hours: 23,
    });
  });

  it("starts a day at the first of two repeated day-start times", () => {
    expect(boundsIso("2026-11-01", "America/New_York", 1)).toEqual({
      start: "2026-11-01T05:00:00.000Z", end: "2026-11-02T06:00:00.000Z", hours: 25,
    });
    expect(boundsIso("2026-10-25", "Europe/London", 1)).toEqual({
      start: "2026-10-25T00:00:00.000Z", end: "2026-10-26T01:00:00.000Z", hours: 25,
    });
  });
});

describe("getDayKeyForInstant", () => {
  it("switches day exactly at local midnight", () => {
    expect(getDayKeyForInstant(utc("2026-03-08T04:59:59.999Z"), "America/New_York")).toBe("2026-03-07");
    expect(getDayKeyForInstant(utc("2026-03-08T05:00:00.000Z"), "America/New_York")).toBe("2026-03-08");
    expect(getDayKeyForInstant(utc("2026-03-09T18:29:59.999Z"), "Asia/Kolkata")).toBe("2026-03-09");
    expect(getDayKeyForInstant(utc("2026-03-09T18:30:00.000Z"), "Asia/Kolkata")).toBe("2026-03-10");
  });

  it("assigns the hours before the day-start hour to the previous day", () => {
    // 05:30 IST on 2026-03-10 is before a 06:00 day start.
    expect(getDayKeyForInstant(utc("2026-03-10T00:00:00Z"), "Asia/Kolkata", 6)).toBe("2026-03-09");
    expect(getDayKeyForInstant(utc("2026-03-10T00:30:00Z"), "Asia/Kolkata", 6)).toBe("2026-03-10");
    // Both 01:30 EDT and 01:30 EST on 2026-11-01 come after the first 01:00.
    expect(getDayKeyForInstant(utc("2026-11-01T05:30:00Z"), "America/New_York", 1)).toBe("2026-11-01");
    expect(getDayKeyForInstant(utc("2026-11-01T06:30:00Z"), "America/New_York", 1)).toBe("2026-11-01");
    expect(getDayKeyForInstant(utc("2026-11-01T04:30:00Z"), "America/New_York", 1)).toBe("2026-10-31");
  });

  it("always agrees with getLocalDayBounds and days tile time without gaps", () => {
    const zones = ["America/New_York", "Europe/London", "Asia/Kolkata", "Australia/Lord_Howe", "America/Santiago", "UTC"];
    fc.assert(
      fc.property(
        fc.integer({ min: utc("2024-01-01T00:00:00Z"), max: utc("2028-12-31T00:00:00Z") }),
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 23 }),
        (ms, zone, hour) => {
          const dayKey = getDayKeyForInstant(ms, zone, hour);
          const bounds = getLocalDayBounds(dayKey, zone, hour);
          expect(ms).toBeGreaterThanOrEqual(bounds.start);
          expect(ms).toBeLessThan(bounds.end);
          expect(getLocalDayBounds(addDays(dayKey, 1), zone, hour).start).toBe(bounds.end);
          expect(bounds.end - bounds.start).toBeGreaterThanOrEqual(23 * HOUR);
          expect(bounds.end - bounds.start).toBeLessThanOrEqual(25 * HOUR);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("getLocalDayCalendar", () => {
  it("returns the same answers as the uncached functions", () => {
    const calendar = getLocalDayCalendar("Europe/London", 4);
    expect(calendar.getDayKey(utc("2026-10-25T02:59:59Z"))).toBe("2026-10-24");
    expect(calendar.getDay(utc("2026-10-25T04:00:00Z"))).toEqual({
      dayKey: "2026-10-25", start: utc("2026-10-25T04:00:00Z"), end: utc("2026-10-26T04:00:00Z"),
    });
    expect(calendar.getBounds("2026-10-25")).toEqual(getLocalDayBounds("2026-10-25", "Europe/London", 4));
    expect(getLocalDayCalendar("Europe/London", 4)).toBe(calendar);
  });

  it("agrees with getDayKeyForInstant everywhere, including zones with odd transitions", () => {
    const zones = ["America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "America/Santiago", "Pacific/Apia"];
    fc.assert(
      fc.property(
        fc.integer({ min: utc("2011-06-01T00:00:00Z"), max: utc("2027-12-31T00:00:00Z") }),
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 23 }),
        (ms, zone, hour) => {
          const day = getLocalDayCalendar(zone, hour).getDay(ms);
          expect(day.dayKey).toBe(getDayKeyForInstant(ms, zone, hour));
          expect(ms).toBeGreaterThanOrEqual(day.start);
          expect(ms).toBeLessThan(day.end);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("skips the calendar day Samoa removed (2011-12-30)", () => {
    const calendar = getLocalDayCalendar("Pacific/Apia", 0);
    expect(calendar.getDayKey(utc("2011-12-30T09:59:59Z"))).toBe("2011-12-29");
    expect(calendar.getDayKey(utc("2011-12-30T10:00:00Z"))).toBe("2011-12-31");
    const removed = calendar.getBounds("2011-12-30");
    expect(removed.end - removed.start).toBe(0);
  });
});

describe("formatting", () => {
  it("shows local clock times in the employee's zone", () => {
    const ms = utc("2026-03-08T19:05:00Z");
    expect(formatLocalTime(ms, "America/New_York")).toBe("15:05");
    expect(formatLocalTime(ms, "Asia/Kolkata")).toBe("00:35");
    expect(formatLocalDateTime(ms, "Asia/Kolkata")).toBe("Mon 9 Mar 2026, 00:35");
    expect(formatDayKey("2026-03-08")).toBe("Sun 8 Mar 2026");
  });

  it("names the offset of a time the fall-back hour repeats, and only there", () => {
    const newYork = "America/New_York";
    expect(formatLocalTime(utc("2026-11-01T05:29:00Z"), newYork)).toBe("01:29 EDT");
    expect(formatLocalTime(utc("2026-11-01T06:29:00Z"), newYork)).toBe("01:29 EST");
    expect(formatLocalTimeWithSeconds(utc("2026-11-01T06:29:05Z"), newYork)).toBe("01:29:05 EST");
    expect(formatLocalDateTime(utc("2026-11-01T05:00:00Z"), newYork)).toBe("Sun 1 Nov 2026, 01:00 EDT");
    expect(formatLocalTime(utc("2026-11-01T04:59:00Z"), newYork)).toBe("00:59");
    expect(formatLocalTime(utc("2026-11-01T07:00:00Z"), newYork)).toBe("02:00");
    expect(formatLocalTime(utc("2026-03-08T07:30:00Z"), newYork)).toBe("03:30");
    expect(formatLocalTime(utc("2026-10-25T00:30:00Z"), "Europe/Berlin")).toBe("02:30 GMT+2");
    expect(formatLocalTime(utc("2026-10-25T01:30:00Z"), "Europe/Berlin")).toBe("02:30 GMT+1");
    const formatTime = createLocalTimeFormatter(newYork);
    expect([formatTime(utc("2026-11-01T05:29:00Z")), formatTime(utc("2026-11-01T06:29:00Z"))]).toEqual(["01:29 EDT", "01:29 EST"]);
  });

  it("shows durations as hours+minutes, minutes+seconds or seconds", () => {
    expect(formatDuration(3_723_000)).toBe("1h 02m");
    expect(formatDuration(3_600_000)).toBe("1h 00m");
    expect(formatDuration(245_000)).toBe("4m 05s");
    expect(formatDuration(59_999)).toBe("59s");
    expect(formatDuration(0)).toBe("0s");
    expect(formatDuration(-5_000)).toBe("0s");
    expect(formatDuration(90_000_000)).toBe("25h 00m");
  });
});

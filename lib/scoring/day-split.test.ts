import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getLocalDayCalendar } from "@/lib/dates";
import { splitIntervalByDay, splitIntoLocalDays } from "./day-split";

const MIN = 60_000;
const utc = (iso: string) => Date.parse(iso);
const minutesByDay = (slices: { dayKey: string; start: number; end: number }[]) =>
  slices.map((slice) => [slice.dayKey, (slice.end - slice.start) / MIN]);

describe("splitIntoLocalDays", () => {
  it("splits a call across Kolkata midnight between the two days", () => {
    // 23:50 → 00:15 IST.
    const slices = splitIntoLocalDays({ start: utc("2026-03-10T18:20:00Z"), end: utc("2026-03-10T18:45:00Z") }, "Asia/Kolkata");
    expect(slices).toEqual([
      { dayKey: "2026-03-10", start: utc("2026-03-10T18:20:00Z"), end: utc("2026-03-10T18:30:00Z") },
      { dayKey: "2026-03-11", start: utc("2026-03-10T18:30:00Z"), end: utc("2026-03-10T18:45:00Z") },
    ]);
  });

  it("splits at a non-zero day-start hour instead of midnight", () => {
    // 05:30 → 06:30 IST with days starting at 06:00.
    const interval = { start: utc("2026-03-10T00:00:00Z"), end: utc("2026-03-10T01:00:00Z") };
    expect(minutesByDay(splitIntoLocalDays(interval, "Asia/Kolkata", 6))).toEqual([["2026-03-09", 30], ["2026-03-10", 30]]);
    expect(minutesByDay(splitIntoLocalDays(interval, "Asia/Kolkata", 0))).toEqual([["2026-03-10", 60]]);
  });

  it("ends New York's spring-forward day after 23 hours and its fall-back day after 25", () => {
    // 23:50 EDT on 2026-03-08 → 00:10 EDT on 2026-03-09.
    const spring = { start: utc("2026-03-09T03:50:00Z"), end: utc("2026-03-09T04:10:00Z") };
    expect(minutesByDay(splitIntoLocalDays(spring, "America/New_York"))).toEqual([["2026-03-08", 10], ["2026-03-09", 10]]);
    // 23:30 EST on 2026-11-01 → 00:30 EST on 2026-11-02.
    const fall = { start: utc("2026-11-02T04:30:00Z"), end: utc("2026-11-02T05:30:00Z") };
    expect(minutesByDay(splitIntoLocalDays(fall, "America/New_York"))).toEqual([["2026-11-01", 30], ["2026-11-02", 30]]);
  });

  it("keeps a call through the skipped hour in one New York day", () => {
    // 01:30 EST → 03:30 EDT on 2026-03-08: one wall-clock hour that lasts 60 minutes.
    const interval = { start: utc("2026-03-08T06:30:00Z"), end: utc("2026-03-08T07:30:00Z") };
    expect(minutesByDay(splitIntoLocalDays(interval, "America/New_York"))).toEqual([["2026-03-08", 60]]);
  });

  it("uses London's 23-hour and 25-hour days", () => {
    // 23:40 BST 2026-03-29 → 00:20 BST 2026-03-30.
    const spring = { start: utc("2026-03-29T22:40:00Z"), end: utc("2026-03-29T23:20:00Z") };
    expect(minutesByDay(splitIntoLocalDays(spring, "Europe/London"))).toEqual([["2026-03-29", 20], ["2026-03-30", 20]]);
    // 23:30 GMT 2026-10-25 → 00:30 GMT 2026-10-26.
    const fall = { start: utc("2026-10-25T23:30:00Z"), end: utc("2026-10-26T00:30:00Z") };
    expect(minutesByDay(splitIntoLocalDays(fall, "Europe/London"))).toEqual([["2026-10-25", 30], ["2026-10-26", 30]]);
  });

  it("covers every day of a call longer than a day and nothing for an empty interval", () => {
    const interval = { start: utc("2026-03-07T23:00:00Z"), end: utc("2026-03-10T01:00:00Z") };
    expect(minutesByDay(splitIntoLocalDays(interval, "UTC"))).toEqual([
      ["2026-03-07", 60], ["2026-03-08", 1440], ["2026-03-09", 1440], ["2026-03-10", 60],
    ]);
    expect(splitIntoLocalDays({ start: 5, end: 5 }, "UTC")).toEqual([]);
  });

  it("preserves the counted time and never crosses a day boundary", () => {
    const zones = ["America/New_York", "Europe/London", "Asia/Kolkata", "Australia/Lord_Howe"];
    fc.assert(
      fc.property(
        fc.integer({ min: utc("2026-01-01T00:00:00Z"), max: utc("2026-12-31T00:00:00Z") }),
        fc.integer({ min: 0, max: 3 * 86_400_000 }),
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 23 }),
        (start, length, zone, hour) => {
          const calendar = getLocalDayCalendar(zone, hour);
          const slices = splitIntervalByDay({ start, end: start + length }, calendar);
          expect(slices.reduce((sum, slice) => sum + slice.end - slice.start, 0)).toBe(length);
          for (const slice of slices) {
            const bounds = calendar.getBounds(slice.dayKey);
            expect(slice.start).toBeGreaterThanOrEqual(bounds.start);
            expect(slice.end).toBeLessThanOrEqual(bounds.end);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createLocalTimeFormatter, formatLocalTime } from "./dates";

const zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "America/St_Johns"];

describe("createLocalTimeFormatter", () => {
  it("agrees with formatLocalTime around DST changes and in half-hour zones", () => {
    const from = Date.UTC(2026, 0, 1);
    const to = Date.UTC(2027, 0, 1);
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: from, max: to }), (zone, ms) => {
        expect(createLocalTimeFormatter(zone)(ms)).toBe(formatLocalTime(ms, zone));
      }),
      { numRuns: 2_000 },
    );
  });

  it("agrees within two hours of each 2026 change, with one shared formatter per zone", () => {
    const changes: [string, number][] = [
      ["Europe/Berlin", Date.UTC(2026, 2, 29, 1)],
      ["Europe/Berlin", Date.UTC(2026, 9, 25, 1)],
      ["America/New_York", Date.UTC(2026, 2, 8, 7)],
      ["America/New_York", Date.UTC(2026, 10, 1, 6)],
      ["Australia/Lord_Howe", Date.UTC(2026, 3, 4, 15)],
      ["Australia/Lord_Howe", Date.UTC(2026, 9, 3, 15, 30)],
      ["America/St_Johns", Date.UTC(2026, 2, 8, 5, 30)],
      ["America/St_Johns", Date.UTC(2026, 10, 1, 4, 30)],
    ];
    const formatters = new Map(zones.map((zone) => [zone, createLocalTimeFormatter(zone)]));
    fc.assert(
      fc.property(fc.constantFrom(...changes), fc.integer({ min: -7_200_000, max: 7_200_000 }), ([zone, change], delta) => {
        expect(formatters.get(zone)!(change + delta)).toBe(formatLocalTime(change + delta, zone));
      }),
      { numRuns: 2_000 },
    );
  });

  it("keeps one formatter right on both sides of a change it has cached", () => {
    const format = createLocalTimeFormatter("America/New_York");
    const change = Date.UTC(2026, 2, 8, 7); // 03:00 EDT, a minute after 01:59 EST
    expect([format(change - 60_000), format(change), format(change - 60_000)]).toEqual(["01:59", "03:00", "01:59"]);
  });

  it("rejects an unknown zone", () => {
    expect(() => createLocalTimeFormatter("Mars/Olympus")).toThrow(RangeError);
  });
});

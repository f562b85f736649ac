import { describe, expect, it } from "vitest";
import { createChunkSizer, nextChunkRows, sqliteChunkRule } from "./sync-chunk-size";

describe("rows per synchronous write step", () => {
  it("fits the SQLite target at the rate just measured, within 10–200 rows and at most doubling", () => {
    expect(nextChunkRows(sqliteChunkRule, 25, 1)).toBe(50); // 100 would fit; doubling caps it
    expect(nextChunkRows(sqliteChunkRule, 100, 5)).toBe(80); // 50 µs a row: 80 rows in 4 ms
    expect(nextChunkRows(sqliteChunkRule, 50, 8)).toBe(25);
    expect(nextChunkRows(sqliteChunkRule, 25, 40)).toBe(10); // 2.5 rows fit; never below 10
    expect(nextChunkRows(sqliteChunkRule, 150, 1)).toBe(200); // never above 200
    expect(nextChunkRows(sqliteChunkRule, 40, 0)).toBe(80); // too fast to time
  });

  it("starts at 25 rows on SQLite and ignores a short last step", () => {
    const sizer = createChunkSizer(sqliteChunkRule);
    expect(sizer.rows()).toBe(25);
    sizer.record(25, 1);
    expect(sizer.rows()).toBe(50);
    sizer.record(24, 20); // under half the size: its fixed costs say nothing about the rate
    expect(sizer.rows()).toBe(50);
    sizer.record(50, 5);
    expect(sizer.rows()).toBe(40);
  });
});

import { describe, expect, it } from "vitest";
import { getLocalDayBounds } from "@/lib/dates";
import { fitWindowToBars, layoutTimeline, listHourTicks, projectToWindow, type TimelineCall } from "./timeline-model";

const bounds = getLocalDayBounds("2026-03-10", "UTC");
const at = (hh: number, mm = 0) => bounds.start + hh * 3_600_000 + mm * 60_000;
const call = (id: number, from: number, to: number | null, extra: Partial<TimelineCall> = {}): TimelineCall => ({
  id, direction: "outbound", startedAt: from, connectedAt: from, endedAt: to, isFlagged: false, ...extra,
});

describe("layoutTimeline", () => {
  it("places calls by local time and stacks overlapping ones in lanes", () => {
    const { bars, laneCount } = layoutTimeline(
      [call(1, at(6), at(12)), call(2, at(9), at(10)), call(3, at(12), at(18)), call(4, at(9, 30), at(11))],
      bounds,
      at(23),
    );
    expect(laneCount).toBe(3);
    expect(bars.map((b) => [b.id, b.lane, b.left, b.width])).toEqual([
      [1, 0, 25, 25],
      [2, 1, 37.5, 4.167],
      [4, 2, 39.583, 6.25],
      [3, 0, 50, 25],
    ]);
  });

  it("crops calls crossing the day's edges and draws an in-progress call up to now", () => {
    const { bars } = layoutTimeline(
      [call(1, bounds.start - 3_600_000, at(1)), call(2, at(23), null, { connectedAt: at(23, 30) })],
      bounds,
      at(23, 45),
    );
    expect(bars[0]).toMatchObject({ left: 0, width: 4.167, connectedFrom: 0 });
    expect(bars[1]).toMatchObject({ left: 95.833, width: 3.125, connectedFrom: 66.667 });
  });

  it("gives a very short call a minimum width that also keeps the next one out of its lane", () => {
    const { bars, laneCount } = layoutTimeline(
      [call(1, at(8), at(8, 0) + 20_000, { connectedAt: null }), call(2, at(8, 1), at(8, 30))],
      bounds,
      at(23),
    );
    expect(bars[0]).toMatchObject({ width: 0.4, connectedFrom: null });
    expect(laneCount).toBe(2);
  });

  it("keeps each bar's 24 px hit area (54 minutes of a 640 px day) clear of the next bar in its lane", () => {
    const { bars, laneCount } = layoutTimeline(
      [call(1, at(8), at(8, 5)), call(2, at(8, 30), at(8, 35)), call(3, at(9), at(9, 5))],
      bounds,
      at(23),
    );
    expect(bars.map((b) => b.lane)).toEqual([0, 1, 0]);
    expect(laneCount).toBe(2);
  });
});

describe("listHourTicks", () => {
  it("has 24 hourly ticks on an ordinary day, labelled every three hours", () => {
    const ticks = listHourTicks(bounds, "UTC");
    expect(ticks).toHaveLength(24);
    expect(ticks.filter((t) => t.isMajor).map((t) => t.label)).toEqual(["00:00", "03:00", "06:00", "09:00", "12:00", "15:00", "18:00", "21:00"]);
  });

  it("has 23 ticks on a spring-forward day in New York, skipping 02:00", () => {
    const dst = getLocalDayBounds("2026-03-08", "America/New_York");
    const ticks = listHourTicks(dst, "America/New_York", 1);
    expect(ticks).toHaveLength(23);
    expect(ticks.slice(0, 4).map((t) => t.label)).toEqual(["00:00", "01:00", "03:00", "04:00"]);
  });
});

describe("fitWindowToBars", () => {
  const ticks = listHourTicks(bounds, "UTC");

  it("shows the hours around the calls with an hour of margin", () => {
    const { bars } = layoutTimeline([call(1, at(9, 5), at(9, 40)), call(2, at(14), at(14, 2))], bounds, at(23));
    const window = fitWindowToBars(bars, ticks);
    expect(window).toEqual({ from: 33.333, to: 66.667 }); // 08:00 to 16:00
    expect(projectToWindow(bars[0]!.left, window)).toBe(13.542); // 09:05 is 65 of 480 minutes in
  });

  it("stops at the day's edges and shows the whole day without calls", () => {
    const { bars } = layoutTimeline([call(1, at(0, 10), at(23, 30))], bounds, at(23, 45));
    expect(fitWindowToBars(bars, ticks)).toEqual({ from: 0, to: 100 });
    expect(fitWindowToBars([], ticks)).toEqual({ from: 0, to: 100 });
  });
});

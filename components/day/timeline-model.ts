// Pure layout for the day timeline: where each call's bar sits and which lane it takes.
import type { CallDirection } from "@/lib/calls/types";
import { formatLocalTime, type DayBounds } from "@/lib/dates";

const HOUR_MS = 3_600_000;
/** Bars narrower than this share of the day are drawn at this width, so lanes keep them apart too. */
export const MIN_BAR_FRACTION = 0.004;
/**
 * Each bar's link is at least 24 px wide (WCAG 2.2 target size); the track is at least 40rem (640 px),
 * so a hit area never spans more than this share of the day, and lanes keep hit areas from touching.
 */
export const MIN_HIT_FRACTION = 24 / 640;

export interface TimelineCall {
  id: number;
  direction: CallDirection;
  startedAt: number;
  connectedAt: number | null;
  /** Null while in progress: drawn up to `now`. */
  endedAt: number | null;
  isFlagged: boolean;
}

export interface TimelineBar {
  id: number;
  lane: number;
  /** Percentages of the day's width. */
  left: number;
  width: number;
  /** Where the connected part starts, as a percentage of the bar's own width; null if never connected. */
  connectedFrom: number | null;
}

export interface TimelineTick {
  left: number;
  /** The local clock time at the tick, "09:00". */
  label: string;
  /** Labelled on the whole-day view (every `labelEvery` hours). */
  isMajor: boolean;
}

const percent = (n: number) => Math.round(n * 100_000) / 1_000;

/** Greedy interval partitioning in start order: each bar takes the first lane that is free again. */
export function layoutTimeline(calls: readonly TimelineCall[], bounds: DayBounds, now: number): { bars: TimelineBar[]; laneCount: number } {
  const span = bounds.end - bounds.start;
  const minMs = span * MIN_BAR_FRACTION;
  const minHitMs = span * MIN_HIT_FRACTION;
  const laneEnds: number[] = [];
  const sorted = [...calls].sort((a, b) => a.startedAt - b.startedAt || a.id - b.id);
  const bars = sorted.map((call): TimelineBar => {
    const start = Math.max(call.startedAt, bounds.start);
    const end = Math.max(start, Math.min(call.endedAt ?? now, bounds.end));
    const drawnEnd = Math.max(end, start + minMs);
    const hitEnd = Math.max(drawnEnd, start + minHitMs);
    let lane = laneEnds.findIndex((laneEnd) => laneEnd <= start);
    if (lane === -1) lane = laneEnds.push(hitEnd) - 1;
    else laneEnds[lane] = hitEnd;
    const connected = call.connectedAt === null ? null : Math.min(Math.max(call.connectedAt, start), end);
    return {
      id: call.id,
      lane,
      left: percent((start - bounds.start) / span),
      width: percent((drawnEnd - start) / span),
      connectedFrom: connected === null ? null : percent((connected - start) / (drawnEnd - start)),
    };
  });
  return { bars, laneCount: Math.max(1, laneEnds.length) };
}

/** One tick per hour of the local day (23 or 25 on DST days); every `labelEvery` hours is major. */
export function listHourTicks(bounds: DayBounds, timeZone: string, labelEvery = 3): TimelineTick[] {
  const span = bounds.end - bounds.start;
  const ticks: TimelineTick[] = [];
  for (let at = bounds.start, hour = 0; at < bounds.end; at += HOUR_MS, hour++) {
    ticks.push({ left: percent((at - bounds.start) / span), label: formatLocalTime(at, timeZone), isMajor: hour % labelEvery === 0 });
  }
  return ticks;
}

export interface TimelineWindow {
  /** Percentages of the whole day shown, [from, to]. */
  from: number;
  to: number;
}

/** The hours around the calls, an hour of margin each side: the view when "fit to calls" is on. */
export function fitWindowToBars(bars: readonly Pick<TimelineBar, "left" | "width">[], ticks: readonly TimelineTick[]): TimelineWindow {
  if (bars.length === 0 || ticks.length === 0) return { from: 0, to: 100 };
  const first = Math.min(...bars.map((bar) => bar.left));
  const last = Math.max(...bars.map((bar) => bar.left + bar.width));
  const startIndex = ticks.findLastIndex((tick) => tick.left <= first);
  const endIndex = ticks.findIndex((tick) => tick.left >= last);
  const from = ticks[Math.max(0, startIndex - 1)]!.left;
  const to = endIndex === -1 || endIndex + 1 >= ticks.length ? 100 : ticks[endIndex + 1]!.left;
  return { from, to };
}

/** A day percentage re-expressed as a percentage of the window. */
export function projectToWindow(value: number, window: TimelineWindow): number {
  return percent((value - window.from) / (window.to - window.from));
}

// A role's baselines over the trailing window and the day's score against them. Pure.
import { addDays, listDayKeys, type DayKey } from "@/lib/dates";
import {
  BASELINE_WINDOW_DAYS,
  computeBaseline,
  computeScore,
  toBaseline,
  type Baseline,
  type ScoreBreakdown,
  type SignalKey,
} from "@/lib/scoring/score";
import { SortedWindow } from "@/lib/scoring/sorted-window";

/** One employee-day's signal values. */
export interface DayValues {
  talkMs: number;
  connectedCalls: number;
}

/** An active day (counted talk time or a connected call) of someone in the role. */
export interface ActiveDay extends DayValues {
  dayKey: DayKey;
}

export type RoleBaselines = Record<SignalKey, Baseline>;

/**
 * The days whose active rows a baseline for any day in [from, to] needs: the trailing window is
 * the 28 days before the day, so the day itself never feeds its own baseline.
 */
export function getBaselineSourceRange(from: DayKey, to: DayKey): { from: DayKey; to: DayKey } {
  return { from: addDays(from, -BASELINE_WINDOW_DAYS), to: addDays(to, -1) };
}

export function groupActiveDays(rows: readonly ActiveDay[]): Map<DayKey, ActiveDay[]> {
  const byDay = new Map<DayKey, ActiveDay[]>();
  for (const row of rows) {
    const list = byDay.get(row.dayKey);
    if (list) list.push(row);
    else byDay.set(row.dayKey, [row]);
  }
  return byDay;
}

/** Medians of the role's active days in [dayKey − 28, dayKey − 1]; the default targets until 5 exist. */
export function computeRoleBaselines(
  activeByDay: ReadonlyMap<DayKey, readonly ActiveDay[]>,
  dayKey: DayKey,
  targets: Record<SignalKey, number>,
): RoleBaselines {
  const talk: number[] = [];
  const calls: number[] = [];
  for (let offset = 1; offset <= BASELINE_WINDOW_DAYS; offset++) {
    for (const row of activeByDay.get(addDays(dayKey, -offset)) ?? []) {
      talk.push(row.talkMs);
      calls.push(row.connectedCalls);
    }
  }
  return {
    talkTime: computeBaseline(talk, targets.talkTime),
    connectedCalls: computeBaseline(calls, targets.connectedCalls),
  };
}

/**
 * computeRoleBaselines for every day in [from, to], equal to it day by day: the window slides one
 * day at a time, adding the day that enters and removing the one that leaves.
 */
export function computeRoleBaselinesForDays(
  activeByDay: ReadonlyMap<DayKey, readonly ActiveDay[]>,
  from: DayKey,
  to: DayKey,
  targets: Record<SignalKey, number>,
): Map<DayKey, RoleBaselines> {
  const talk = new SortedWindow();
  const calls = new SortedWindow();
  const slide = (dayKey: DayKey, change: "add" | "remove") => {
    for (const row of activeByDay.get(dayKey) ?? []) {
      talk[change](row.talkMs);
      calls[change](row.connectedCalls);
    }
  };
  for (let offset = 1; offset <= BASELINE_WINDOW_DAYS; offset++) slide(addDays(from, -offset), "add");
  const result = new Map<DayKey, RoleBaselines>();
  for (const dayKey of listDayKeys(from, to)) {
    result.set(dayKey, {
      talkTime: toBaseline(talk.size, talk.median(), targets.talkTime),
      connectedCalls: toBaseline(calls.size, calls.median(), targets.connectedCalls),
    });
    slide(dayKey, "add");
    slide(addDays(dayKey, -BASELINE_WINDOW_DAYS), "remove");
  }
  return result;
}

export function scoreDayValues(
  values: DayValues,
  baselines: RoleBaselines,
  weights: Record<SignalKey, number>,
  isWorkDay: boolean,
): ScoreBreakdown {
  return computeScore({
    signals: [
      { key: "talkTime", value: values.talkMs, baseline: baselines.talkTime, weight: weights.talkTime },
      { key: "connectedCalls", value: values.connectedCalls, baseline: baselines.connectedCalls, weight: weights.connectedCalls },
    ],
    isWorkDay,
  });
}

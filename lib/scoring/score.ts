// The daily score: each signal earns points against its baseline; the score is the weighted mean.
import { z } from "@/lib/zod";
import { getIsoWeekday, type DayKey } from "@/lib/dates";
import { summarizeScore } from "./explain";

export const signalKeys = ["talkTime", "connectedCalls"] as const;
export type SignalKey = (typeof signalKeys)[number];
export const signalLabels: Record<SignalKey, string> = { talkTime: "Talk time", connectedCalls: "Connected calls" };

export const signalWeightSchema = z.number().int().min(0).max(5);
export const defaultSignalWeights: Record<SignalKey, number> = { talkTime: 3, connectedCalls: 2 };
/** Suggested admin default targets (talk time in ms, calls per day) for a new organization. */
export const suggestedDefaultTargets: Record<SignalKey, number> = { talkTime: 60 * 60_000, connectedCalls: 10 };

export const BASELINE_WINDOW_DAYS = 28;
export const MIN_BASELINE_DAYS = 5;
export const POINTS_AT_BASELINE = 60;
export const FULL_POINTS_RATIO = 1.67;

export const baselineSources = ["peers", "default"] as const;
export type BaselineSource = (typeof baselineSources)[number];

export interface Baseline {
  value: number;
  /** "peers": median of the role's active days; "default": the admin's default target. */
  source: BaselineSource;
  /** How many active days the peer median was taken over (0 for the default target). */
  days: number;
}

export interface SignalInput {
  key: SignalKey;
  value: number;
  baseline: Baseline;
  weight: number;
}

export interface SignalBreakdown {
  key: SignalKey;
  label: string;
  value: number;
  baseline: number;
  baselineSource: BaselineSource;
  baselineDays: number;
  /** value ÷ baseline, to 2 decimals; null when there is no positive baseline to compare with. */
  ratio: number | null;
  weight: number;
  /** 0–100 to 2 decimals; null when the signal has no baseline and so takes no part. */
  points: number | null;
}

export const noScoreReasons = ["non_work_day", "no_weights", "no_baseline"] as const;
export type NoScoreReason = (typeof noScoreReasons)[number];

/** Stored as JSON with the daily score and rendered by the "How is this calculated?" panel. */
export interface ScoreBreakdown {
  score: number | null;
  noScoreReason: NoScoreReason | null;
  signals: SignalBreakdown[];
  /** Weighted mean of the points before rounding, to 2 decimals; null without a score. */
  weightedMean: number | null;
  explanation: string;
}

const roundTo2 = (n: number) => Math.round(n * 100) / 100;

/** Middle value of the sorted values (mean of the two middle ones for an even count); null if empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  // A typed array sorts numbers natively, several times faster than a comparator: baselines sort thousands per day.
  const sorted = Float64Array.from(values).sort();
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * `values` are the daily values of the role's people on their active days in the trailing
 * window (choosing those days is the caller's job). Until `minDays` of them exist, or when their
 * median is 0 (nothing to compare against), the admin's default target is the baseline.
 */
export function computeBaseline(values: readonly number[], defaultTarget: number, minDays = MIN_BASELINE_DAYS): Baseline {
  return toBaseline(values.length, median(values), defaultTarget, minDays);
}

/** computeBaseline from the count of values and their median, for callers that keep them sorted. */
export function toBaseline(count: number, middle: number | null, defaultTarget: number, minDays = MIN_BASELINE_DAYS): Baseline {
  if (count < minDays || middle === null || middle <= 0) {
    return { value: defaultTarget, source: "default", days: 0 };
  }
  return { value: middle, source: "peers", days: count };
}

/**
 * Points for one signal: 0 at nothing rising linearly to 60 at the baseline, then linearly to
 * 100 at 1.67× the baseline, capped at 100. Rounded to 2 decimals.
 */
export function computeSignalPoints(value: number, baseline: number): number {
  if (!(baseline > 0)) throw new RangeError("A signal's baseline must be positive");
  const ratio = Math.max(0, value) / baseline;
  const points = ratio <= 1
    ? POINTS_AT_BASELINE * ratio
    : POINTS_AT_BASELINE + ((100 - POINTS_AT_BASELINE) * (ratio - 1)) / (FULL_POINTS_RATIO - 1);
  return roundTo2(Math.min(100, points));
}

// A rescore checks the same few weights for thousands of rows: parse each value once.
const weightValidity = new Map<number, boolean>();
function isValidWeight(weight: number): boolean {
  let isValid = weightValidity.get(weight);
  if (isValid === undefined) {
    isValid = signalWeightSchema.safeParse(weight).success;
    if (weightValidity.size < 64) weightValidity.set(weight, isValid);
  }
  return isValid;
}

function buildSignal({ key, value, baseline, weight }: SignalInput): SignalBreakdown {
  if (!isValidWeight(weight)) throw new RangeError(`Weight for ${key} must be an integer 0–5`);
  const hasBaseline = baseline.value > 0;
  return {
    key, label: signalLabels[key], value, weight,
    baseline: baseline.value, baselineSource: baseline.source, baselineDays: baseline.days,
    ratio: hasBaseline ? roundTo2(Math.max(0, value) / baseline.value) : null,
    points: hasBaseline ? computeSignalPoints(value, baseline.value) : null,
  };
}

function finish(fields: Omit<ScoreBreakdown, "explanation">): ScoreBreakdown {
  return { ...fields, explanation: summarizeScore(fields) };
}

/**
 * The day's score from its signals. Days outside the work week with no activity (every signal 0)
 * get no score rather than 0; so do days where every weight is 0 or no weighted signal has a
 * baseline. The score is the weighted mean of the breakdown's 2-decimal points, rounded half up,
 * so anyone can recompute it from the stored breakdown.
 */
export function computeScore(input: { signals: readonly SignalInput[]; isWorkDay: boolean }): ScoreBreakdown {
  const signals = input.signals.map(buildSignal);
  const isActive = signals.some((signal) => signal.value > 0);
  if (!input.isWorkDay && !isActive) {
    return finish({ score: null, noScoreReason: "non_work_day", signals, weightedMean: null });
  }
  const weighted = signals.filter((signal) => signal.weight > 0);
  if (weighted.length === 0) return finish({ score: null, noScoreReason: "no_weights", signals, weightedMean: null });
  const scored = weighted.filter((signal) => signal.points !== null);
  if (scored.length === 0) return finish({ score: null, noScoreReason: "no_baseline", signals, weightedMean: null });
  const totalWeight = scored.reduce((sum, signal) => sum + signal.weight, 0);
  const mean = scored.reduce((sum, signal) => sum + signal.weight * signal.points!, 0) / totalWeight;
  // Round the 2-decimal mean so float noise (e.g. 84.49999…) cannot flip the integer.
  const weightedMean = roundTo2(mean);
  return finish({ score: Math.round(weightedMean), noScoreReason: null, signals, weightedMean });
}

/** `workWeek` holds ISO weekdays (1 = Monday … 7 = Sunday). */
export function isWorkDay(dayKey: DayKey, workWeek: readonly number[]): boolean {
  return workWeek.includes(getIsoWeekday(dayKey));
}

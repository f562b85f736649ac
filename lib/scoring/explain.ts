// Plain-language text for the "How is this calculated?" panel, built only from a stored breakdown.
import { formatDuration } from "@/lib/dates";
import type { ScoreBreakdown, SignalBreakdown, SignalKey } from "./score";

const formatNumber = (n: number) => String(Math.round(n * 100) / 100);

export function formatSignalValue(key: SignalKey, value: number): string {
  if (key === "talkTime") return formatDuration(value);
  const calls = Math.round(value * 10) / 10;
  return `${calls} ${calls === 1 ? "call" : "calls"}`;
}

function describeBaseline(signal: SignalBreakdown): string {
  if (signal.baselineSource === "default") return "the default target";
  return `the role's median over ${signal.baselineDays} person-days`;
}

/** One sentence stored with the score. */
export function summarizeScore(breakdown: Omit<ScoreBreakdown, "explanation">): string {
  switch (breakdown.noScoreReason) {
    case "non_work_day":
      return "No score: not a work day and no phone activity.";
    case "no_weights":
      return "No score: every signal has weight 0 for this role.";
    case "no_baseline":
      return "No score: no weighted signal has a baseline or default target above 0.";
  }
  const parts = breakdown.signals
    .filter((signal) => signal.weight > 0 && signal.points !== null)
    .map((signal) => `${signal.label.toLowerCase()} ${formatNumber(signal.points!)} points × ${signal.weight}`);
  return `Score ${breakdown.score} of 100: the weighted mean of ${parts.join(" and ")}.`;
}

/** The panel's lines for one day: each signal, then the arithmetic that gives the score. */
export function explainScore(breakdown: ScoreBreakdown): string[] {
  const lines = breakdown.signals.map((signal) => {
    const value = formatSignalValue(signal.key, signal.value);
    if (signal.weight === 0) return `${signal.label}: ${value}. Weight 0, so it does not affect the score.`;
    if (signal.points === null) return `${signal.label}: ${value}. No baseline or target above 0, so it is left out.`;
    const baseline = formatSignalValue(signal.key, signal.baseline);
    return `${signal.label}: ${value} against a baseline of ${baseline} (${describeBaseline(signal)}), `
      + `${formatNumber(signal.ratio!)}× the baseline, earns ${formatNumber(signal.points)} points with weight ${signal.weight}.`;
  });
  if (breakdown.score === null || breakdown.weightedMean === null) return [...lines, breakdown.explanation];
  const scored = breakdown.signals.filter((signal) => signal.weight > 0 && signal.points !== null);
  const terms = scored.map((signal) => `${signal.weight} × ${formatNumber(signal.points!)}`).join(" + ");
  const totalWeight = scored.reduce((sum, signal) => sum + signal.weight, 0);
  return [
    ...lines,
    `Score = (${terms}) ÷ ${totalWeight} = ${formatNumber(breakdown.weightedMean)}, rounded to ${breakdown.score}.`,
  ];
}

/** The method in general, shown above a day's numbers. */
export function describeScoringMethod(): string[] {
  return [
    "Talk time is the connected time of your calls. Overlapping calls (three-way calls, transfers) are counted once, "
      + "and a call that crosses the start of a day is split between the two days.",
    "Connected calls are outbound calls that connected, inbound calls you answered and voicemails you left. "
      + "Missed calls, calls nobody answered, voicemails left for you and video meetings count 0.",
    "Each signal is compared with a baseline: the median daily value of people in your role over the last 28 days "
      + "that had activity, or your admin's default target until there are at least 5 such days.",
    "At the baseline a signal earns 60 points, rising evenly to 100 points at 1.67× the baseline (the most it can earn) "
      + "and falling evenly to 0 points at nothing.",
    "The score is the average of the signals' points weighted by your role's weights (0–5), rounded to a whole number. "
      + "Days outside the work week without phone activity have no score.",
  ];
}

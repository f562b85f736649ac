// Colour bands for scores, shared by every view that tints a score (the Team page's chips, the range
// heat map). The number is always shown too: the band only helps the eye, it is never the only cue.
// 60 points is "at the role's baseline" (lib/scoring/score.ts), so the bands are cut around it.

export const scoreBandKeys = ["high", "steady", "below", "low"] as const;
export type ScoreBandKey = (typeof scoreBandKeys)[number];

export interface ScoreBand {
  key: ScoreBandKey;
  /** Lowest score in the band (inclusive); the band runs up to the next band's minimum. */
  min: number;
  label: string;
  /** The range in words for a legend: "80–100". */
  range: string;
}

export const scoreBands: readonly ScoreBand[] = [
  { key: "high", min: 80, label: "Well above baseline", range: "80–100" },
  { key: "steady", min: 60, label: "At or above baseline", range: "60–79" },
  { key: "below", min: 40, label: "Below baseline", range: "40–59" },
  { key: "low", min: 0, label: "Far below baseline", range: "0–39" },
];

/** The band a score falls in; null for no score (shown as a gap, never as a colour). */
export function getScoreBand(score: number | null): ScoreBand | null {
  if (score === null) return null;
  return scoreBands.find((band) => score >= band.min) ?? scoreBands[scoreBands.length - 1]!;
}

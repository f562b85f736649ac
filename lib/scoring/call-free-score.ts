// The score of a day without calls (every signal at 0) from the role's settings alone: the peers'
// baselines can change only the breakdown's figures, not the score, except in one case below.
import { signalKeys, signalWeightSchema, type NoScoreReason, type SignalKey } from "./score";

export interface CallFreeScore {
  score: number | null;
  noScoreReason: NoScoreReason | null;
}

/**
 * computeScore's score and reason for a day with every signal at 0, or null when the role's peers
 * decide it. At 0 a signal earns 0 points against any positive baseline, and a weighted signal with a
 * positive default target always has one (the target, or a peer median, which is used only when > 0),
 * so the day scores 0. When every weighted signal's target is ≤ 0, a peer median alone can give a
 * signal a baseline: 0 with one, "no_baseline" without, so only the peers can tell.
 */
export function getCallFreeScore(
  settings: { weights: Record<SignalKey, number>; targets: Record<SignalKey, number> },
  isWorkDay: boolean,
): CallFreeScore | null {
  for (const key of signalKeys) {
    // computeScore refuses such a weight whatever the day: so does this.
    if (!signalWeightSchema.safeParse(settings.weights[key]).success) throw new RangeError(`Weight for ${key} must be an integer 0–5`);
  }
  if (!isWorkDay) return { score: null, noScoreReason: "non_work_day" };
  const weighted = signalKeys.filter((key) => settings.weights[key] > 0);
  if (weighted.length === 0) return { score: null, noScoreReason: "no_weights" };
  if (weighted.some((key) => settings.targets[key] > 0)) return { score: 0, noScoreReason: null };
  return null;
}

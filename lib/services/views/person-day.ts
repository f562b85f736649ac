// One person's score on one day as every range-shaped view shows it (the range heat map, the CSV
// exports): a number, or a gap with its reason. A gap is never a zero.
import type { ScoreBreakdown } from "@/lib/scoring/score";

export const personDayGaps = ["future", "not_mapped", "not_synced", "pending", "non_work_day", "no_weights", "no_baseline"] as const;
export type PersonDayGap = (typeof personDayGaps)[number];

export const personDayGapLabels: Record<PersonDayGap, string> = {
  future: "not over yet",
  not_mapped: "not mapped to a Dialpad user",
  not_synced: "no data synced for this day",
  pending: "being recalculated",
  non_work_day: "not a work day",
  no_weights: "every signal has weight 0",
  no_baseline: "no baseline or target",
};

export interface PersonDay {
  score: number | null;
  /** Why there is no score; null when there is one. */
  gap: PersonDayGap | null;
}

export interface StoredScore {
  score: number | null;
  noScoreReason: string | null;
  isPending: boolean;
}

/**
 * A stored row (a call touched the day) wins. Without one the day is scored from the role's
 * baselines (`callFree`), unless nothing could have been synced for it: a future day, a person
 * without a Dialpad user, or a day outside what Daymark has read from Dialpad.
 */
export function resolvePersonDay(input: {
  stored: StoredScore | undefined;
  callFree: Pick<ScoreBreakdown, "score" | "noScoreReason"> | undefined;
  isFuture: boolean;
  isMapped: boolean;
  isSynced: boolean;
}): PersonDay {
  const { stored } = input;
  if (stored) {
    if (stored.isPending) return { score: null, gap: "pending" };
    return stored.score === null ? { score: null, gap: toGap(stored.noScoreReason) } : { score: stored.score, gap: null };
  }
  if (input.isFuture) return { score: null, gap: "future" };
  if (!input.isMapped) return { score: null, gap: "not_mapped" };
  if (!input.isSynced || !input.callFree) return { score: null, gap: "not_synced" };
  const { score, noScoreReason } = input.callFree;
  return score === null ? { score: null, gap: toGap(noScoreReason) } : { score, gap: null };
}

function toGap(reason: string | null): PersonDayGap {
  return (personDayGaps as readonly string[]).includes(reason ?? "") ? (reason as PersonDayGap) : "no_baseline";
}

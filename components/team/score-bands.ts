// Score bands for scanning a team: the peer convention is that most roles average 40–75, above 75 is
// a good day and below 40 may warrant a follow-up (../shared/reference/peers.md, Prodoscore).
export const scoreBands = [
  { id: "strong", label: "Strong", min: 75, max: 100, meaning: "a good day" },
  { id: "typical", label: "Typical", min: 40, max: 74, meaning: "where most days fall" },
  { id: "low", label: "Low", min: 0, max: 39, meaning: "may be worth a follow-up" },
] as const;

export type ScoreBand = (typeof scoreBands)[number];

export function getScoreBand(score: number): ScoreBand {
  return scoreBands.find((band) => score >= band.min) ?? scoreBands[2];
}

import type { Leg } from "./engine";

export type SecondLeg = { id: string; user: string; direction: "inbound" | "outbound" };

/**
 * The benches' mix of outcomes for one call at `start`, picked by `r` in [0, 1): answered out (62%) and in
 * (13%), unanswered out (8%), missed in (5%), voicemail left (4%) and received (3%), and a three-way call
 * (5%) whose second leg, made by `second` only then, overlaps the first.
 */
export function mixedCallLegs(r: number, id: string, user: string, start: number, talk: number, second: () => SecondLeg): Leg[] {
  if (r < 0.62) return [[id, user, null, "outbound", "hangup", start, start + 2000, start + 8000, start + 8000 + talk, 0]];
  if (r < 0.75) return [[id, user, null, "inbound", "hangup", start, start + 1000, start + 6000, start + 6000 + talk, 0]];
  if (r < 0.83) return [[id, user, null, "outbound", "hangup", start, start + 2000, null, start + 30_000, 0]];
  if (r < 0.88) return [[id, user, null, "inbound", "missed", start, start + 1000, null, start + 25_000, 0]];
  if (r < 0.92) return [[id, user, null, "outbound", "voicemail", start, start + 2000, null, start + 40_000, 0]];
  if (r < 0.95) return [[id, user, null, "inbound", "voicemail_uploaded", start, start + 1000, start + 20_000, start + 50_000, 1]];
  const added = start + 8000 + Math.floor(talk / 2);
  const leg = second();
  return [
    [id, user, null, "outbound", "hangup", start, start + 2000, start + 8000, start + 8000 + talk, 0],
    [leg.id, leg.user, id, leg.direction, "hangup", added, added + 1000, added + 5000, added + talk, 0],
  ];
}

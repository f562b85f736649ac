// Which legs make up one connected call, so the "connected calls" signal counts calls, not legs.
import type { CallClassification } from "./rules";
import type { CallLeg } from "./types";

// Legs of one call graph count once: a three-way call's second record links to the first through
// master_call_id, and call-center legs of one customer call share entry_point_call_id. Legs
// without links are separate calls.
export function getCallGraphKey(leg: Pick<CallLeg, "dialpadCallId" | "masterCallId" | "entryPointCallId">): string {
  return leg.masterCallId ?? leg.entryPointCallId ?? leg.dialpadCallId;
}

function isEarlier(a: CallLeg, b: CallLeg): boolean {
  return a.startedAt < b.startedAt || (a.startedAt === b.startedAt && a.dialpadCallId < b.dialpadCallId);
}

/** For each leg, whether it is credited as a connected call: per call graph, its earliest connected leg. */
export function markConnectedCallLegs(
  legs: readonly CallLeg[],
  classifications: readonly CallClassification[],
): boolean[] {
  const firstByKey = new Map<string, number>();
  legs.forEach((leg, i) => {
    if (!classifications[i]?.isConnectedCall) return;
    const key = getCallGraphKey(leg);
    const first = firstByKey.get(key);
    if (first === undefined || isEarlier(leg, legs[first]!)) firstByKey.set(key, i);
  });
  const isCredited = new Array<boolean>(legs.length).fill(false);
  for (const i of firstByKey.values()) isCredited[i] = true;
  return isCredited;
}

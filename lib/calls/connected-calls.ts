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

/** The legs credited as a connected call: per call graph, its earliest-starting connected leg. */
export function pickConnectedCallLegs(
  legs: readonly CallLeg[],
  classifications: readonly CallClassification[],
): Set<CallLeg> {
  const firstByKey = new Map<string, CallLeg>();
  legs.forEach((leg, i) => {
    if (!classifications[i]?.isConnectedCall) return;
    const key = getCallGraphKey(leg);
    const first = firstByKey.get(key);
    if (!first || isEarlier(leg, first)) firstByKey.set(key, leg);
  });
  return new Set(firstByKey.values());
}

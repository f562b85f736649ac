// Pure: which of a day's counted calls overlapped an earlier one, which call, and whether they are
// legs of one call (a three-way merge or a transfer) rather than two calls at once.
import type { CallLinkIds } from "@/db/queries/call-links";
import { isCountedKind } from "./rules";

export interface OverlapCall {
  callId: number;
  dialpadCallId: string;
  kind: string;
  startedAt: number;
  connectedAt: number | null;
  endedAt: number | null;
  isTransferred: boolean;
  countedMs: number;
  contributionMs: number;
}

export interface Overlap {
  /** The earlier counted call whose time this one shares; null when it lies outside the day's list. */
  withCallId: number | null;
  /** This person's legs of the same Dialpad call, this one included; 1 for two separate calls. */
  legCount: number;
  linkKind: "three-way" | "transfer" | null;
}

const countedInterval = (call: OverlapCall) => ({ start: call.connectedAt ?? call.startedAt, end: call.endedAt ?? call.startedAt });

/** Calls that added less than they counted, keyed by call id. */
export function findOverlaps(calls: readonly OverlapCall[], links: readonly CallLinkIds[]): Map<number, Overlap> {
  const groupOf = groupLinkedLegs(links);
  const counted = calls.filter((call) => isCountedKind(call.kind) && call.countedMs > 0);
  const overlaps = new Map<number, Overlap>();
  for (const call of counted) {
    if (call.contributionMs >= call.countedMs) continue;
    const own = countedInterval(call);
    const earlier = counted
      .filter((other) => other.callId !== call.callId)
      .map((other) => ({ other, at: countedInterval(other) }))
      .filter(({ at }) => at.start < own.end && at.end > own.start)
      .sort((a, b) => a.at.start - b.at.start || a.other.callId - b.other.callId)[0];
    const group = groupOf.get(call.callId);
    const legs = group ? calls.filter((other) => groupOf.get(other.callId) === group) : [call];
    overlaps.set(call.callId, {
      withCallId: earlier?.other.callId ?? null,
      legCount: legs.length,
      linkKind: legs.length < 2 ? null : legs.some((leg) => leg.isTransferred) ? "transfer" : "three-way",
    });
  }
  return overlaps;
}

/** Union-find over Dialpad ids: legs naming the same master or entry point, or each other, share a group. */
function groupLinkedLegs(links: readonly CallLinkIds[]): Map<number, string> {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    const up = parent.get(id) ?? id;
    if (up === id) return id;
    const root = find(up);
    parent.set(id, root);
    return root;
  };
  const join = (a: string, b: string) => parent.set(find(a), find(b));
  for (const link of links) {
    if (link.masterCallId) join(link.dialpadCallId, link.masterCallId);
    if (link.entryPointCallId) join(link.dialpadCallId, link.entryPointCallId);
  }
  return new Map(links.map((link) => [link.callId, find(link.dialpadCallId)]));
}

/** "Overlap · three-way, 2 legs", or plain "Overlap" for two separate calls at once. */
export function describeOverlapStatus(overlap: Overlap): string {
  return overlap.linkKind ? `Overlap · ${overlap.linkKind}, ${overlap.legCount} legs` : "Overlap";
}

/** `withCall` reads "09:41 call with Chloe Rossi". */
export function describeOverlapReason(withCall: string | null): string {
  const what = withCall ? `your ${withCall}` : "another of your calls";
  return `Overlaps ${what}; only time not already counted is added.`;
}

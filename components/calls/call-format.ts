// Pure wording for call legs, shared by the day view and the call detail.
import type { CallDirection } from "@/lib/calls/types";

type PartyFields = {
  contactName: string | null;
  externalNumber: string | null;
  isInternal: boolean;
  targetName?: string | null;
};

type TimeFields = { startedAt: number; rangAt: number | null; connectedAt: number | null; endedAt: number | null };

export const directionLabels: Record<CallDirection, string> = { inbound: "Inbound", outbound: "Outbound" };

/** Who was on the other end: the contact's name, else the external number, else a plain fallback. */
export function describeOtherParty(call: PartyFields): string {
  const name = call.contactName?.trim();
  if (name) return name;
  const number = call.externalNumber?.trim();
  if (number) return number;
  return call.isInternal ? "Internal call" : "Unknown caller";
}

/** Connected time as Dialpad's dates give it; 0 when the leg never connected or has not ended. */
export function getTalkMs(call: TimeFields): number {
  return call.connectedAt !== null && call.endedAt !== null ? Math.max(0, call.endedAt - call.connectedAt) : 0;
}

/** Ringing: from the first ring (or the start) until it was answered, or until it ended unanswered. */
export function getRingMs(call: TimeFields): number | null {
  const from = call.rangAt ?? call.startedAt;
  const to = call.connectedAt ?? call.endedAt;
  return to === null ? null : Math.max(0, to - from);
}

/** A one-line title for the call: "Outbound call with Acme Corp". */
export function describeCall(call: PartyFields & { direction: CallDirection }): string {
  return `${directionLabels[call.direction]} call with ${describeOtherParty(call)}`;
}

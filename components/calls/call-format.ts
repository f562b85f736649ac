// Pure wording for call legs, shared by the day view and the call detail.
import type { CallDirection } from "@/lib/calls/types";
import { formatLocalTimeWithSeconds, formatZoneName } from "@/lib/dates";

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

/**
 * The leg's voicemail: the receiver's leg holds the recording; the caller's leg only reached the callee's
 * voicemail (Dialpad's "voicemail" state on an outbound leg carries no recording of its own).
 */
export function describeVoicemail(call: { direction: CallDirection; hasVoicemail: boolean; leftVoicemail: boolean }): string {
  if (call.direction === "inbound" && call.hasVoicemail) return "Has a voicemail";
  // hasVoicemail on an outbound leg: a row stored before it was kept to inbound legs.
  if (call.direction === "outbound" && (call.leftVoicemail || call.hasVoicemail)) return "Left a voicemail";
  return "No voicemail";
}

/** A one-line title for the call: "Outbound call with Acme Corp". */
export function describeCall(call: PartyFields & { direction: CallDirection }): string {
  return `${directionLabels[call.direction]} call with ${describeOtherParty(call)}`;
}

/** "09:41:05 EST": call times away from the person's own day page always carry their zone. */
export function formatZonedTime(ms: number, timeZone: string): string {
  // The first 8 characters drop formatLocalTimeWithSeconds' own zone suffix in a repeated hour.
  return `${formatLocalTimeWithSeconds(ms, timeZone).slice(0, 8)} ${formatZoneName(ms, timeZone)}`;
}

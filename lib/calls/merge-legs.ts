// Two events of one leg merged into what Daymark stores: the same rule as the database upsert
// (db/engines/call-rows.ts), for events of one leg that arrive in the same batch.
import type { CallLeg } from "./types";

// Dialpad's post-call states (reference §3.4): they arrive after hangup and say nothing about how the call went.
export const postCallStates = new Set([
  "recording", "call_transcription", "transcription", "recap_summary", "recap_action_items", "recap_outcome",
  "recap_purposes", "csat", "pcsat", "dispositions", "postcall", "ai_playbook",
]);

const coalesced = [
  "dialpadUserId", "masterCallId", "entryPointCallId", "operatorCallId", "rangAt", "connectedAt", "endedAt", "durationMs",
  "externalNumber", "internalNumber", "contactName", "contactPhone", "contactType", "targetType", "targetName",
  "entryPointTargetName",
] as const satisfies readonly (keyof CallLeg)[];

/**
 * Orders two events of one leg: a post-call event ranks below every state that says how the call went,
 * then by event_timestamp; `tieBreak` (the raw payloads compared) decides the rest.
 */
export function compareLegEvents(a: CallLeg, b: CallLeg, tieBreak: () => number): number {
  const rank = (leg: CallLeg) => (postCallStates.has(leg.state) ? 0 : 1);
  return rank(a) - rank(b) || a.eventTimestamp - b.eventTimestamp || tieBreak();
}

/**
 * `newer` is the later event (compareLegEvents): its state, time and every value it carries win; values it
 * leaves out come from `older`; facts that only ever become known (transfer, recording, voicemail on either
 * side) stay once seen.
 */
export function mergeCallLegs(older: CallLeg, newer: CallLeg): CallLeg {
  const merged: CallLeg = {
    ...newer,
    isTransferred: older.isTransferred || newer.isTransferred,
    wasRecorded: older.wasRecorded || newer.wasRecorded,
    hasVoicemail: older.hasVoicemail || newer.hasVoicemail,
    leftVoicemail: older.leftVoicemail || newer.leftVoicemail,
    labels: newer.labels.length > 0 ? newer.labels : older.labels,
  };
  for (const key of coalesced) (merged as unknown as Record<string, unknown>)[key] = newer[key] ?? older[key];
  return merged;
}

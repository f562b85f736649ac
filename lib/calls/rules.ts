// Call rules for one leg that belongs to a mapped user: what it counts, how it is labelled, why.
import type { Interval } from "@/lib/scoring/intervals";
import type { CallLeg } from "./types";

export const callKinds = [
  "counted",
  "voicemail_left",
  "missed",
  "not_answered",
  "voicemail_received",
  "ignored_meeting",
  "in_progress",
] as const;
export type CallKind = (typeof callKinds)[number];
/** The kinds that count the leg's time; every other kind counts none. */
export const countedCallKinds = ["counted", "voicemail_left"] as const satisfies readonly CallKind[];
export type UncountedCallKind = Exclude<CallKind, (typeof countedCallKinds)[number]>;

export function isCountedKind(kind: string): boolean {
  return (countedCallKinds as readonly string[]).includes(kind);
}

export const callKindLabels: Record<CallKind, string> = {
  counted: "Counted",
  voicemail_left: "Voicemail left (counted)",
  missed: "Missed",
  not_answered: "Not answered",
  voicemail_received: "Voicemail received",
  ignored_meeting: "Video meeting (ignored)",
  in_progress: "In progress",
};

export interface CallClassification {
  kind: CallKind;
  /** The counted interval [start, end) in UTC ms; null when the leg counts no time. */
  interval: Interval | null;
  /** Plain language, shown next to the call. */
  reason: string;
  isCounted: boolean;
  /** Feeds the "connected calls" signal: outbound connected, inbound answered, or a voicemail left. */
  isConnectedCall: boolean;
  isVoicemailLeft: boolean;
  isVoicemailReceived: boolean;
  /** Flagged for review in the day's list: the receiver's voicemail record. */
  isFlagged: boolean;
}

// Dialpad Meetings are not in Dialpad's call list, but a meeting's call events can reach us.
// A leg is a meeting when its target is a meetings room ("room" is the call API's target type
// for Dialpad Meetings rooms; "conference"/"meeting" are accepted as aliases) or when it carries
// one of the meeting labels below. Ordinary user labels such as "meeting" alone do not count.
export const meetingTargetTypes = ["room", "conference", "meeting"] as const;
export const meetingLabels = ["dialpad_meetings", "dialpad meetings", "video_meeting", "uberconference"] as const;
const voicemailStates = new Set(["voicemail", "voicemail_uploaded"]);

export function isMeetingLeg(leg: Pick<CallLeg, "targetType" | "labels">): boolean {
  const targetType = leg.targetType?.trim().toLowerCase() ?? "";
  if ((meetingTargetTypes as readonly string[]).includes(targetType)) return true;
  return leg.labels.some((label) => (meetingLabels as readonly string[]).includes(label.trim().toLowerCase()));
}

function build(kind: CallKind, reason: string, isVoicemailReceived = false): CallClassification {
  return {
    kind, interval: null, reason, isCounted: false, isConnectedCall: false, isVoicemailLeft: false,
    isVoicemailReceived, isFlagged: isVoicemailReceived,
  };
}

function buildCounted(start: number, end: number, reason: string, isVoicemailLeft: boolean): CallClassification {
  return {
    kind: isVoicemailLeft ? "voicemail_left" : "counted", interval: { start, end: Math.max(start, end) }, reason, isCounted: true, isConnectedCall: true,
    isVoicemailLeft, isVoicemailReceived: false, isFlagged: false,
  };
}

/**
 * Applies the call rules, in this order:
 * 1. meeting legs are ignored; 2. a leg that has not ended counts nothing yet;
 * 3. an inbound leg carrying a voicemail is the receiver's voicemail: flagged, not counted, even
 *    if Dialpad stamped date_connected (that is the voicemail box picking up, not the user);
 * 4. a connected leg counts its connected time [connectedAt, endedAt);
 * 5. an outbound leg that reached voicemail without a connected time counts [startedAt, endedAt),
 *    the time the caller spent leaving the message. An outbound leg reached voicemail when it was ever
 *    in a voicemail state (leftVoicemail: its final state is usually "hangup") or its internal
 *    receiver's leg carries the voicemail (linked when stored);
 * 6. otherwise inbound is "missed" and outbound "not answered", counting 0.
 */
export function classifyCallLeg(leg: CallLeg): CallClassification {
  if (isMeetingLeg(leg)) {
    return build("ignored_meeting", "Video meeting (Dialpad Meetings): not counted as phone time.");
  }
  if (leg.endedAt === null) {
    return build("in_progress", "Still in progress: counted once the call ends.");
  }
  const isInbound = leg.direction === "inbound";
  if (isInbound && leg.hasVoicemail) {
    return build("voicemail_received", "Voicemail left for this person: flagged and not counted.", true);
  }
  // hasVoicemail on an outbound leg: a row stored before the transform kept it to inbound legs.
  const isVoicemailLeft = !isInbound && (leg.leftVoicemail || leg.hasVoicemail || voicemailStates.has(leg.state));
  if (leg.connectedAt !== null) {
    const reason = isVoicemailLeft
      ? "Voicemail left: counted like any connected call."
      : isInbound
        ? "Answered: connected time counted."
        : "Connected: connected time counted.";
    return buildCounted(leg.connectedAt, leg.endedAt, reason, isVoicemailLeft);
  }
  if (isVoicemailLeft) {
    return buildCounted(leg.startedAt, leg.endedAt, "Voicemail left: counted like any connected call.", true);
  }
  if (isInbound) {
    const reason = leg.rangAt === null ? "Ended before it rang or was answered." : "Rang and was not answered.";
    return build("missed", reason);
  }
  return build("not_answered", "Outbound call never connected.");
}

// Human words for Dialpad's enums: nothing raw ("hangup", "voicemail_uploaded", "office") reaches a page.
import { callKindLabels, type CallKind } from "@/lib/calls/rules";

const stateLabels: Record<string, string> = {
  hangup: "Ended",
  missed: "Missed",
  voicemail: "Went to voicemail",
  voicemail_uploaded: "Voicemail recorded",
  connected: "Connected",
  ringing: "Ringing",
  calling: "Dialing",
  preanswer: "Before answer",
  queued: "Waiting in a queue",
  hold: "On hold",
  parked: "Parked",
  merged: "Merged into another call",
  transfer: "Transferred",
  takeover: "Taken over by a supervisor",
  barge: "Supervisor joined",
  monitor: "Supervisor listening",
  eavesdrop: "Supervisor listening",
  blocked: "Blocked caller",
  abandoned: "Abandoned",
  recording: "Recorded",
  admin: "Ended",
  postcall: "Ended",
};

const targetTypeLabels: Record<string, string> = {
  user: "person",
  office: "main line",
  department: "department",
  callcenter: "call center",
  call_center: "call center",
  room: "meeting room",
  conference: "conference",
  meeting: "meeting room",
  contact: "contact",
};

/** "Ended" for hangup; an unknown state reads as its words ("recap_summary" → "Recap summary"). */
export function describeCallState(state: string): string {
  return stateLabels[state] ?? humanize(state);
}

export function describeCallKind(kind: string): string {
  return callKindLabels[kind as CallKind] ?? humanize(kind);
}

export function describeTargetType(type: string | null): string | null {
  const key = type?.trim().toLowerCase();
  return key ? (targetTypeLabels[key] ?? humanize(key).toLowerCase()) : null;
}

function humanize(value: string): string {
  const words = value.replace(/[_-]+/g, " ").trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : "Unknown";
}

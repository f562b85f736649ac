// The provider-neutral call leg Daymark stores and scores. The Dialpad transform produces it;
// call rules and scoring consume it. Instants are UTC epoch milliseconds.

export const callDirections = ["inbound", "outbound"] as const;
export type CallDirection = (typeof callDirections)[number];

export interface CallLeg {
  /** Dialpad's call_id of this leg, as a string (int64 ids exceed Number.MAX_SAFE_INTEGER). */
  dialpadCallId: string;
  /** target.id when target.type is "user": the Dialpad user this leg belongs to. */
  dialpadUserId: string | null;
  masterCallId: string | null;
  entryPointCallId: string | null;
  operatorCallId: string | null;
  direction: CallDirection;
  /** Last call state Dialpad reported ("hangup", "missed", "voicemail", …). */
  state: string;
  startedAt: number;
  rangAt: number | null;
  connectedAt: number | null;
  endedAt: number | null;
  /** Dialpad's event_timestamp: orders updates of the same leg (last writer by event time wins). */
  eventTimestamp: number;
  /** Dialpad's talk duration in ms, as reported (informational; counted time is computed from the dates). */
  durationMs: number | null;
  externalNumber: string | null;
  internalNumber: string | null;
  contactName: string | null;
  contactPhone: string | null;
  contactType: string | null;
  targetType: string | null;
  targetName: string | null;
  entryPointTargetName: string | null;
  isTransferred: boolean;
  wasRecorded: boolean;
  /** The leg carries a voicemail recording: the receiver's record of a voicemail left for them. */
  hasVoicemail: boolean;
  /** A caller's (outbound) leg that reached the callee's voicemail; the message itself is on the callee's side. */
  leftVoicemail: boolean;
  isInternal: boolean;
  labels: string[];
}

import type { CallLeg } from "./types";

/** A complete CallLeg with neutral defaults (an answered-nothing outbound leg); for tests and demos. */
export function buildCallLeg(overrides: Partial<CallLeg> & Pick<CallLeg, "dialpadCallId" | "startedAt">): CallLeg {
  return {
    dialpadUserId: "u1",
    masterCallId: null,
    entryPointCallId: null,
    operatorCallId: null,
    direction: "outbound",
    state: "hangup",
    rangAt: null,
    connectedAt: null,
    endedAt: null,
    eventTimestamp: overrides.startedAt,
    durationMs: null,
    externalNumber: null,
    internalNumber: null,
    contactName: null,
    contactPhone: null,
    contactType: null,
    targetType: "user",
    targetName: null,
    entryPointTargetName: null,
    isTransferred: false,
    wasRecorded: false,
    hasVoicemail: false,
    leftVoicemail: false,
    isInternal: false,
    labels: [],
    ...overrides,
  };
}

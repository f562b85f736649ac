import type { CallLeg } from "@/lib/calls/types";
import { toStoredLabels } from "@/lib/calls/stored-labels";
import type { DialpadCall, DialpadCompany, DialpadUser } from "./schema";

// Pure Dialpad → Daymark mapping. No I/O; input is already validated by schema.ts.

export interface DialpadUserRecord {
  dialpadUserId: string;
  /** Trimmed, lower-cased, de-duplicated. */
  emails: string[];
  phoneNumbers: string[];
  displayName: string | null;
  firstName: string | null;
  lastName: string | null;
  /** active, cancelled, deleted, pending, suspended. */
  state: string | null;
  /** Dialpad license name; null = no phone license (the user cannot be mapped). */
  license: string | null;
  isSuperAdmin: boolean;
  timezone: string | null;
  jobTitle: string | null;
}

export interface DialpadCompanyRecord {
  dialpadCompanyId: string;
  name: string | null;
  /** Lower-cased, for comparison with the organization's registered domain. */
  domain: string | null;
}

const voicemailStates = new Set(["voicemail", "voicemail_uploaded"]);

export function toCallLeg(call: DialpadCall): CallLeg {
  const { contact, target } = call;
  return {
    dialpadCallId: call.call_id,
    dialpadUserId: target?.type === "user" ? target.id : null,
    masterCallId: call.master_call_id,
    entryPointCallId: call.entry_point_call_id,
    operatorCallId: call.operator_call_id,
    direction: call.direction,
    // GET /call lists only concluded calls and may omit `state`.
    state: call.state ?? "hangup",
    startedAt: call.date_started,
    rangAt: call.date_rang,
    connectedAt: call.date_connected,
    endedAt: call.date_ended,
    // REST items can lack event_timestamp; the latest known instant still orders updates sensibly.
    eventTimestamp: call.event_timestamp ?? call.date_ended ?? call.date_started,
    // Dialpad sends a double (e.g. 11989.972); calls.duration_ms holds whole milliseconds on both engines.
    durationMs: call.duration === null ? null : Math.round(call.duration),
    externalNumber: presentOrNull(call.external_number),
    internalNumber: presentOrNull(call.internal_number),
    contactName: presentOrNull(contact?.name),
    contactPhone: presentOrNull(contact?.phone),
    contactType: presentOrNull(contact?.type),
    targetType: presentOrNull(target?.type),
    targetName: presentOrNull(target?.name),
    entryPointTargetName: presentOrNull(call.entry_point_target?.name),
    isTransferred: call.is_transferred,
    wasRecorded: call.was_recorded,
    hasVoicemail: call.direction === "inbound" && isVoicemailLeg(call),
    leftVoicemail: call.direction === "outbound" && isVoicemailLeg(call),
    // REST has no is_internal: a contact of type "user" is another Dialpad user of the company.
    isInternal: call.is_internal ?? contact?.type === "user",
    labels: toStoredLabels(call.labels),
  };
}

// On an inbound leg a voicemail is the receiver's message; on an outbound leg it is the caller's,
// left on the callee's side (Dialpad's final state "voicemail", no recording of its own). Whether an
// outbound leg can also carry the message's link is UNCONFIRMED: if it does, it still means "left".
function isVoicemailLeg(call: DialpadCall): boolean {
  return (
    presentOrNull(call.voicemail_share_link) !== null ||
    presentOrNull(call.voicemail_link) !== null ||
    call.voicemail_recording_id !== null ||
    call.recording_details.some((recording) => recording.recording_type === "voicemail") ||
    (call.state !== null && voicemailStates.has(call.state))
  );
}

export function toDialpadUserRecord(user: DialpadUser): DialpadUserRecord {
  const firstName = presentOrNull(user.first_name);
  const lastName = presentOrNull(user.last_name);
  const joinedName = [firstName, lastName].filter(Boolean).join(" ");
  return {
    dialpadUserId: user.id,
    emails: [...new Set(user.emails.map((email) => email.trim().toLowerCase()).filter(Boolean))],
    phoneNumbers: [...new Set(user.phone_numbers.map((phone) => phone.trim()).filter(Boolean))],
    displayName: presentOrNull(user.display_name) ?? presentOrNull(joinedName),
    firstName,
    lastName,
    state: presentOrNull(user.state),
    license: presentOrNull(user.license),
    isSuperAdmin: user.is_super_admin,
    timezone: presentOrNull(user.timezone),
    jobTitle: presentOrNull(user.job_title),
  };
}

export function toDialpadCompanyRecord(company: DialpadCompany): DialpadCompanyRecord {
  return {
    dialpadCompanyId: company.id,
    name: presentOrNull(company.name),
    domain: presentOrNull(company.domain?.toLowerCase()),
  };
}

function presentOrNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

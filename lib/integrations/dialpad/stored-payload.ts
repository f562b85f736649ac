// Daymark stores metadata only: which fields of a Dialpad call payload may be written to the database.
// Everything else (voicemail transcriptions, AI recaps, custom_data, CSAT transcriptions, routing
// requests/responses, fields Dialpad adds later) is dropped before any write. The migration
// 0016_redact_call_content applies the same lists to rows stored before.

/** Ids, times, direction, state, durations, parties, numbers and flags of a call leg. */
export const storedCallFields: readonly string[] = [
  "call_id", "master_call_id", "entry_point_call_id", "operator_call_id",
  "direction", "state",
  "date_started", "date_rang", "date_first_rang", "date_queued", "date_connected", "date_ended", "event_timestamp",
  "duration", "total_duration", "talk_time", "hold_time",
  "external_number", "internal_number", "selected_caller_id",
  "contact", "target", "entry_point_target", "proxy_target", "transferred_from", "group_id",
  "is_transferred", "was_recorded", "is_internal", "callback_requested", "target_availability_status",
  "labels", "mos_score", "voicemail_recording_id", "call_recording_ids", "recording_details",
];

/** The fields of contact, target, entry_point_target, proxy_target and transferred_from. */
export const storedPartyFields: readonly string[] = ["id", "type", "name", "phone", "email", "office_id"];

/** The fields of each recording_details item; its `url` is a recording link. */
export const storedRecordingFields: readonly string[] = ["id", "recording_type", "duration", "start_time"];

/** Links to recordings and voicemails in Dialpad: stored only when recording links are enabled. */
export const recordingLinkFields: readonly string[] = [
  "voicemail_link", "voicemail_share_link", "call_recording_share_links", "admin_call_recording_share_links",
];

const partyObjects = new Set(["contact", "target", "entry_point_target", "proxy_target", "transferred_from"]);
// Built once: the webhook intake filters every delivery through these.
const storedTopLevel = new Set(storedCallFields);
const storedTopLevelWithLinks = new Set([...storedCallFields, ...recordingLinkFields]);
const partyFieldSet = new Set(storedPartyFields);
const recordingFieldSet = new Set(storedRecordingFields);
const recordingFieldWithLinkSet = new Set([...storedRecordingFields, "url"]);

export interface StoredPayloadOptions {
  /** The admin setting "Link to recordings in Dialpad" (issue 18; off until that setting exists). */
  keepRecordingLinks?: boolean;
}

/** The call payload as Daymark may store it: allowed fields only, in the order received. A non-object is stored as null. */
export function toStoredCallPayload(raw: unknown, options: StoredPayloadOptions = {}): Record<string, unknown> | null {
  if (!isPlainObject(raw)) return null;
  const topLevel = options.keepRecordingLinks ? storedTopLevelWithLinks : storedTopLevel;
  const recordingFields = options.keepRecordingLinks ? recordingFieldWithLinkSet : recordingFieldSet;
  const stored: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!topLevel.has(key)) continue;
    if (partyObjects.has(key)) stored[key] = isPlainObject(value) ? pick(value, partyFieldSet) : null;
    else if (key === "recording_details") {
      stored[key] = Array.isArray(value) ? value.filter(isPlainObject).map((item) => pick(item, recordingFields)) : null;
    } else stored[key] = value;
  }
  return stored;
}

/** A record that failed validation, as it may be quarantined: the same allow-list, so no content is kept either. */
export function toStoredRejectedRecord<T extends { raw: unknown }>(record: T): T {
  return { ...record, raw: toStoredCallPayload(record.raw) };
}

function pick(source: Record<string, unknown>, allowed: ReadonlySet<string>): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const key in source) if (Object.hasOwn(source, key) && allowed.has(key)) picked[key] = source[key];
  return picked;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

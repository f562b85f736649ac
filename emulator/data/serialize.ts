// CallProto JSON. REST carries int64 ids and times as JSON strings (the spec's examples);
// webhook events carry the same fields as JSON numbers (captured payloads). A webhook int64 at or above
// 2^53 is a bigint here, which webhooks/exact-json.ts writes as an exact number literal.
import type { Leg, Party } from "./types";

export const MEDIA_BASE = "https://media.dialpad.test";

type Int64 = (value: number | string | null) => number | string | bigint | null;
const asString: Int64 = (v) => (v === null ? null : String(v));
const asNumber: Int64 = (v) => {
  if (v === null) return null;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : BigInt(v);
};

function party(p: Party | null): Record<string, string> {
  return p ? { id: p.id, type: p.type, name: p.name, phone: p.phone, email: p.email } : {};
}

const VOICEMAIL_MAX_MS = 60_000;

function voicemailWindow(leg: Leg): { start: number; duration: number } {
  const duration = Math.max(3_000, Math.min(VOICEMAIL_MAX_MS, leg.dateEnded - (leg.dateRang ?? leg.dateStarted) - 15_000));
  return { start: leg.dateEnded - duration, duration };
}

export function voicemailStartsAt(leg: Leg): number {
  return voicemailWindow(leg).start;
}

function recordings(leg: Leg, int64: Int64, at: number): unknown[] {
  if (at < leg.dateEnded) return [];
  if (leg.hasVoicemail) {
    const vm = voicemailWindow(leg);
    return [{ id: `vm_${leg.callId}`, recording_type: "voicemail", url: `${MEDIA_BASE}/vm/${leg.callId}`, duration: vm.duration, start_time: int64(vm.start) }];
  }
  if (leg.wasRecorded && leg.dateConnected !== null) {
    const start = leg.dateConnected + 800;
    return [{ id: `rec_${leg.callId}`, recording_type: "callrecording", url: `${MEDIA_BASE}/r/${leg.callId}`, duration: Math.max(0, leg.dateEnded - start), start_time: int64(start) }];
  }
  return [];
}

/** The state a leg is in at instant `at` (its final state once ended). */
export function stateAt(leg: Leg, at: number): string {
  if (at >= leg.dateEnded) return leg.state;
  if (leg.dateConnected !== null && at >= leg.dateConnected) return "connected";
  if (leg.hasVoicemail && at >= voicemailStartsAt(leg)) return "voicemail";
  return leg.direction === "outbound" ? "calling" : "ringing";
}

interface Options {
  int64: Int64;
  /** The instant the leg is observed at: later dates are not known yet. */
  at: number;
  state: string;
  eventTimestamp: number;
}

function callJson(leg: Leg, o: Options): Record<string, unknown> {
  const known = (t: number | null) => (t !== null && t <= o.at ? t : null);
  const ended = known(leg.dateEnded);
  const connected = known(leg.dateConnected);
  const talked = connected === null ? 0 : ended === null ? o.at - connected : leg.duration;
  const recs = recordings(leg, o.int64, o.at);
  const isFinished = ended !== null;
  return {
    call_id: o.int64(leg.callId),
    master_call_id: o.int64(leg.masterCallId),
    entry_point_call_id: o.int64(leg.entryPointCallId),
    operator_call_id: o.int64(leg.operatorCallId),
    direction: leg.direction,
    state: o.state,
    date_started: o.int64(leg.dateStarted),
    date_rang: o.int64(known(leg.dateRang)),
    date_connected: o.int64(connected),
    date_ended: o.int64(ended),
    event_timestamp: o.int64(o.eventTimestamp),
    duration: talked,
    total_duration: (ended ?? o.at) - leg.dateStarted,
    external_number: leg.externalNumber,
    internal_number: leg.internalNumber,
    contact: party(leg.contact),
    target: party(leg.target),
    entry_point_target: party(leg.entryPointTarget),
    proxy_target: party(leg.proxyTarget),
    group_id: leg.groupId,
    is_transferred: leg.isTransferred,
    is_internal: leg.isInternal,
    was_recorded: leg.wasRecorded,
    labels: leg.labels,
    mos_score: isFinished ? leg.mosScore : null,
    csat_score: null,
    csat_recording_urls: [],
    csat_transcriptions: [],
    custom_data: leg.customData,
    transcription_text: isFinished ? leg.transcriptionText : null,
    voicemail_share_link: leg.hasVoicemail && isFinished ? `${MEDIA_BASE}/shared/voicemail/${leg.callId}` : null,
    recording_details: recs,
    call_recording_share_links: leg.wasRecorded && isFinished ? [`${MEDIA_BASE}/shared/call/${leg.callId}`] : [],
    admin_call_recording_share_links: [],
    screen_recording_urls: [],
    routing_breadcrumbs: [],
  };
}

/** REST CallProto as seen at `now` (finished legs show their final state). */
export function toRestCall(leg: Leg, now = Number.POSITIVE_INFINITY): Record<string, unknown> {
  const at = Math.min(now, leg.eventTimestamp);
  const state = stateAt(leg, at);
  const eventTimestamp = at >= leg.dateEnded ? leg.eventTimestamp : at;
  return callJson(leg, { int64: asString, at, state, eventTimestamp });
}

/** Webhook event payload: the call as of the event, numeric int64s, plus webhook-only extras. */
export function toWebhookEvent(leg: Leg, state: string, eventTimestamp: number): Record<string, unknown> {
  const json = callJson(leg, { int64: asNumber, at: eventTimestamp, state, eventTimestamp });
  const hasVoicemail = leg.hasVoicemail && (state === "voicemail_uploaded" || state === "hangup");
  return {
    ...json,
    date_first_rang: json.date_rang,
    talk_time: json.duration,
    hold_time: 0,
    transferred_from: {},
    integrations: {},
    voicemail_link: hasVoicemail ? `${MEDIA_BASE}/blob/voicemail/${leg.callId}` : null,
    voicemail_recording_id: hasVoicemail ? `vm_${leg.callId}` : null,
  };
}

// Strict mode's late post-call events carry only these fields; date_rang and date_connected are null.
const partialFields = [
  "call_id", "master_call_id", "entry_point_call_id", "operator_call_id", "direction", "date_started", "date_ended",
  "event_timestamp", "external_number", "internal_number", "contact", "target", "custom_data",
] as const;

/** A partial post-call event (postcall, recording, transcription): no connect time, no voicemail fields. */
export function toPartialWebhookEvent(leg: Leg, state: string, eventTimestamp: number): Record<string, unknown> {
  const full = toWebhookEvent(leg, state, eventTimestamp);
  const event: Record<string, unknown> = Object.fromEntries(partialFields.map((key) => [key, full[key]]));
  Object.assign(event, { state, date_rang: null, date_connected: null });
  if (state === "transcription") event.transcription_text = leg.transcriptionText;
  if (state === "recording") Object.assign(event, { was_recorded: true, recording_details: full.recording_details });
  return event;
}

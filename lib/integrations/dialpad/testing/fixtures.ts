// Realistic Dialpad payloads for tests (shapes from shared/reference/dialpad-api.md §2, §3, §9).
// REST serialises int64 as strings; webhook payloads carry numbers.

/** GET /api/v2/call item: an answered inbound call on a user leg, reached through the office mainline. */
export function restAnsweredCall(overrides: Record<string, unknown> = {}) {
  return {
    call_id: "6112233445566778",
    master_call_id: "6112233445500001",
    entry_point_call_id: "6112233445500002",
    operator_call_id: null,
    direction: "inbound",
    state: "hangup",
    date_started: "1767600000000",
    date_rang: "1767600002150",
    date_connected: "1767600009400",
    date_ended: "1767600191800",
    event_timestamp: "1767600191850",
    duration: 182400.0,
    total_duration: 191800.0,
    external_number: "+14155557777",
    internal_number: "+14155551001",
    contact: { id: "5600392044183552", type: "local", name: "(415) 555-7777", phone: "+14155557777", email: "" },
    target: { id: "5835806903417907", type: "user", name: "Alex Agent", phone: "+14155551001", email: "alex@example.com" },
    entry_point_target: { id: "6422934115149452", type: "office", name: "Example Inc", phone: "+14155551000", email: "" },
    proxy_target: {},
    group_id: "Office:6422934115149452",
    is_transferred: false,
    was_recorded: true,
    labels: ["sales"],
    mos_score: 4.41,
    csat_score: null,
    custom_data: "",
    transcription_text: null,
    voicemail_share_link: null,
    recording_details: [
      { id: "rec_4f9a", recording_type: "callrecording", url: "https://dialpad.example/r/rec_4f9a", duration: 180000, start_time: "1767600010000" },
    ],
    call_recording_share_links: [],
    admin_call_recording_share_links: [],
    routing_breadcrumbs: [],
    ...overrides,
  };
}

/** Webhook payload (JWT claims): a voicemail left for a user, ids and times as JSON numbers. */
export function webhookVoicemailCall(overrides: Record<string, unknown> = {}) {
  return {
    call_id: 5635304278851584,
    master_call_id: null,
    entry_point_call_id: null,
    operator_call_id: null,
    direction: "inbound",
    state: "voicemail_uploaded",
    date_started: 1787158716092,
    date_rang: 1787158716500,
    date_first_rang: 1787158716500,
    date_connected: null,
    date_ended: 1787158760000,
    event_timestamp: 1787158761234,
    duration: 0,
    total_duration: 43908,
    external_number: "+12125550199",
    internal_number: "+14155551002",
    contact: { id: "shared_contact_pool_Company:4508591728425653_uid_001", type: "shared", name: "Pat Prospect", phone: "+12125550199", email: null },
    target: { id: 5835806903417999, type: "user", name: "Sam Seller", phone: "+14155551002", email: "sam@example.com", office_id: 6422934115149452 },
    entry_point_target: {},
    proxy_target: {},
    is_transferred: false,
    was_recorded: false,
    is_internal: false,
    labels: null,
    voicemail_link: "https://dialpad.example/blob/secureblob/vm_77",
    voicemail_recording_id: 4977443322110,
    transferred_from: {},
    integrations: {},
    callback_requested: false,
    target_availability_status: "open",
    ...overrides,
  };
}

/** Call-center leg: target is the call center, the agent's leg id sits in operator_call_id. */
export function restCallCenterLeg(overrides: Record<string, unknown> = {}) {
  return restAnsweredCall({
    call_id: "6112233445500003",
    master_call_id: "6112233445500002",
    entry_point_call_id: null,
    operator_call_id: "6112233445566778",
    target: { id: "4700000000000001", type: "call_center", name: "Support Queue", phone: "+14155551010", email: "" },
    recording_details: [],
    labels: [],
    ...overrides,
  });
}

export function restUser(overrides: Record<string, unknown> = {}) {
  return {
    id: "5835806903417907",
    company_id: "4508591728425653",
    office_id: "6422934115149452",
    admin_office_ids: [],
    emails: ["Alex@Example.com ", "alex@example.com"],
    phone_numbers: ["+14155551001"],
    forwarding_numbers: [],
    first_name: "Alex",
    last_name: "Agent",
    display_name: "Alex Agent",
    job_title: "Account Executive",
    timezone: "US/Pacific",
    is_admin: false,
    is_super_admin: true,
    license: "talk",
    state: "active",
    date_added: "2025-01-06T17:02:11",
    group_details: [{ group_id: "6422934115149452", group_type: "office", role: "operator", do_not_disturb: false }],
    ...overrides,
  };
}

/** A deleted user: Dialpad omits empty lists and appends " (deactivated)" to the display name. */
export function restDeletedUser() {
  return {
    id: "5835806903417001",
    company_id: "4508591728425653",
    first_name: "Dana",
    last_name: "Gone",
    display_name: "Dana Gone (deactivated)",
    state: "deleted",
    is_super_admin: false,
  };
}

export function restCompany(overrides: Record<string, unknown> = {}) {
  return { id: "4508591728425653", name: "Example Inc", domain: "Example.com", account_type: "standard", country: "us", office_count: "1", ...overrides };
}

/** A copy of a payload without some fields (Dialpad omits empty or unknown values). */
export function withoutKeys<T extends Record<string, unknown>>(payload: T, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(payload).filter(([key]) => !keys.includes(key)));
}

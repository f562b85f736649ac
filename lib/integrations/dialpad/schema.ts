import { z } from "@/lib/zod";
import {
  dialpadIdSchema,
  epochMsSchema,
  flagSchema,
  looseIdSchema,
  optionalEpochMsSchema,
  optionalIdSchema,
  optionalNumberSchema,
  optionalStringSchema,
  parseItems,
  stringListSchema,
  type RejectedItem,
} from "./schema-primitives";

// Zod schemas for what Dialpad sends. Unknown fields are allowed (and dropped from the output;
// callers keep the raw payload). Field notes: shared/reference/dialpad-api.md §2, §3, §5, §6.
export * from "./schema-primitives";

/** contact / target / entry_point_target / proxy_target. Dialpad sends `{}` when absent → null. */
export const dialpadCallContactSchema = z
  .object({
    id: looseIdSchema,
    type: optionalStringSchema,
    name: optionalStringSchema,
    phone: optionalStringSchema,
    email: optionalStringSchema,
    office_id: optionalIdSchema,
  })
  .nullish()
  .transform((contact) => (contact && Object.values(contact).some((value) => value !== null && value !== "") ? contact : null));
export type DialpadCallContact = NonNullable<z.infer<typeof dialpadCallContactSchema>>;

export const dialpadRecordingDetailSchema = z.object({
  id: looseIdSchema,
  recording_type: optionalStringSchema,
  url: optionalStringSchema,
  duration: optionalNumberSchema,
  start_time: optionalEpochMsSchema,
});

export const dialpadCallSchema = z.object({
  call_id: dialpadIdSchema,
  master_call_id: optionalIdSchema,
  entry_point_call_id: optionalIdSchema,
  operator_call_id: optionalIdSchema,
  direction: z.enum(["inbound", "outbound"]),
  state: optionalStringSchema,
  date_started: epochMsSchema,
  date_rang: optionalEpochMsSchema,
  date_connected: optionalEpochMsSchema,
  date_ended: optionalEpochMsSchema,
  event_timestamp: optionalEpochMsSchema,
  duration: optionalNumberSchema,
  total_duration: optionalNumberSchema,
  external_number: optionalStringSchema,
  internal_number: optionalStringSchema,
  contact: dialpadCallContactSchema,
  target: dialpadCallContactSchema,
  entry_point_target: dialpadCallContactSchema,
  proxy_target: dialpadCallContactSchema,
  group_id: optionalStringSchema,
  is_transferred: flagSchema,
  was_recorded: flagSchema,
  /** Webhook-only; null when Dialpad did not say. */
  is_internal: z
    .boolean()
    .nullish()
    .transform((value) => value ?? null),
  labels: stringListSchema,
  mos_score: optionalNumberSchema,
  custom_data: optionalStringSchema,
  transcription_text: optionalStringSchema,
  /** REST name; webhooks send voicemail_link + voicemail_recording_id instead. */
  voicemail_share_link: optionalStringSchema,
  voicemail_link: optionalStringSchema,
  voicemail_recording_id: looseIdSchema,
  recording_details: z
    .array(dialpadRecordingDetailSchema)
    .nullish()
    .transform((value) => value ?? []),
  talk_time: optionalNumberSchema,
  hold_time: optionalNumberSchema,
});
export type DialpadCall = z.infer<typeof dialpadCallSchema>;
/** Alias used by the sync: a call item that passed validation. */
export type ParsedCall = DialpadCall;

export function parseCallItems(items: readonly unknown[]): { calls: ParsedCall[]; rejected: RejectedItem[] } {
  const { parsed, rejected } = parseItems(dialpadCallSchema, items);
  return { calls: parsed, rejected };
}

export const dialpadUserSchema = z.object({
  id: dialpadIdSchema,
  company_id: optionalIdSchema,
  office_id: optionalIdSchema,
  emails: stringListSchema,
  phone_numbers: stringListSchema,
  first_name: optionalStringSchema,
  last_name: optionalStringSchema,
  display_name: optionalStringSchema,
  job_title: optionalStringSchema,
  timezone: optionalStringSchema,
  /** admins, agents, dpde_all, dpde_one, lite_lines, lite_support_agents, magenta_lines, talk, user… */
  license: optionalStringSchema,
  /** active, cancelled, deleted, pending, suspended */
  state: optionalStringSchema,
  is_admin: flagSchema,
  is_super_admin: flagSchema,
});
export type DialpadUser = z.infer<typeof dialpadUserSchema>;

export function parseUserItems(items: readonly unknown[]): { users: DialpadUser[]; rejected: RejectedItem[] } {
  const { parsed, rejected } = parseItems(dialpadUserSchema, items);
  return { users: parsed, rejected };
}

export const dialpadCompanySchema = z.object({
  id: dialpadIdSchema,
  name: optionalStringSchema,
  domain: optionalStringSchema,
  country: optionalStringSchema,
  account_type: optionalStringSchema,
  admin_email: optionalStringSchema,
  office_count: optionalNumberSchema,
  state: optionalStringSchema,
});
export type DialpadCompany = z.infer<typeof dialpadCompanySchema>;

export const dialpadWebhookSchema = z.object({
  id: dialpadIdSchema,
  hook_url: z.string(),
  signature: z
    .object({ algo: optionalStringSchema, secret: optionalStringSchema, type: optionalStringSchema })
    .nullish()
    .transform((value) => value ?? null),
});
export type DialpadWebhook = z.infer<typeof dialpadWebhookSchema>;

export const dialpadCallSubscriptionSchema = z.object({
  id: dialpadIdSchema,
  call_states: stringListSchema,
  enabled: flagSchema,
  group_calls_only: flagSchema,
  target_id: optionalIdSchema,
  target_type: optionalStringSchema,
  webhook: dialpadWebhookSchema.nullish().transform((value) => value ?? null),
});
export type DialpadCallSubscription = z.infer<typeof dialpadCallSubscriptionSchema>;

/** Google Cloud Endpoints style: {"error": {"code": 404, "message": "…", "errors": [{reason}]}}. */
export const dialpadErrorBodySchema = z.object({
  error: z.object({
    code: optionalNumberSchema,
    message: optionalStringSchema,
    errors: z
      .array(z.object({ domain: optionalStringSchema, message: optionalStringSchema, reason: optionalStringSchema }))
      .nullish()
      .transform((value) => value ?? []),
  }),
});
export type DialpadErrorBody = z.infer<typeof dialpadErrorBodySchema>;

/** POST /oauth2/token 200 body; every field is nullable in Dialpad's spec. */
export const dialpadTokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: optionalStringSchema,
  expires_in: optionalNumberSchema,
  refresh_token: optionalStringSchema,
  id_token: optionalStringSchema,
});
export type DialpadTokenResponse = z.infer<typeof dialpadTokenResponseSchema>;

/** The fields that identify one webhook call event (its idempotency key). */
export const dialpadCallEventKeySchema = z.object({
  call_id: dialpadIdSchema,
  state: z.string().min(1),
  event_timestamp: optionalEpochMsSchema,
});

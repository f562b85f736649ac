// /api/v2/subscriptions/call: call-event subscriptions delivering to a webhook.
import { z } from "zod";
import type { Company } from "../data/types";
import { json, type Reply } from "../http-utils";
import type { Ctx, Handler } from "../router";
import type { CallSubscription } from "../webhooks/store";
import { authenticate } from "./auth";
import { targetTypes } from "./calls";
import { badRequest, invalidParam, notFound } from "./errors";
import { collection, pageByOffset, parseLimit } from "./pagination";
import { parseWith, toWebhookJson } from "./webhooks";

export const callStates = [
  "admin", "admin_recording", "ai_playbook", "all", "barge", "blocked", "call_transcription", "calling", "connected", "csat",
  "dispositions", "eavesdrop", "hangup", "hold", "merged", "missed", "monitor", "parked", "pcsat", "postcall", "preanswer",
  "queued", "recap_action_items", "recap_outcome", "recap_purposes", "recap_summary", "recording", "ringing", "takeover",
  "transcription", "voicemail", "voicemail_uploaded",
] as const;

const int64 = z.union([z.string().regex(/^\d{1,19}$/), z.number().int().nonnegative()]).transform(String);

const fields = {
  call_states: z.array(z.enum(callStates)).optional(),
  enabled: z.boolean().optional(),
  group_calls_only: z.boolean().nullish(),
  endpoint_id: int64.optional(),
  webhook_id: int64.optional(),
  target_id: int64.nullish(),
  target_type: z.enum(targetTypes).nullish(),
};
const createSchema = z.object(fields).refine((b) => b.endpoint_id ?? b.webhook_id, { message: "endpoint_id is required", path: ["endpoint_id"] });
const updateSchema = z.object(fields);

function toJson(ctx: Ctx, sub: CallSubscription): Record<string, unknown> {
  const hook = ctx.state.hooks.getWebhook(sub.companyIndex, sub.webhookId);
  const out: Record<string, unknown> = { id: sub.id, call_states: sub.callStates, enabled: sub.enabled, group_calls_only: sub.groupCallsOnly };
  if (sub.targetId !== null) out.target_id = sub.targetId;
  if (sub.targetType !== null) out.target_type = sub.targetType;
  if (hook) out.webhook = toWebhookJson(hook);
  return out;
}

function targetExists(company: Company, id: string, type: string): boolean {
  if (type === "user") return company.usersById.has(id);
  if (type === "office") return company.office.id === id;
  if (type === "department") return company.departments.some((d) => d.id === id);
  return true;
}

type Body = z.infer<typeof updateSchema>;

/** Applies a create/update body to a subscription; a Reply when a referenced object is missing. */
function apply(ctx: Ctx, company: Company, sub: Omit<CallSubscription, "id">, body: Body): Reply | null {
  const hookId = body.endpoint_id ?? body.webhook_id;
  if (hookId !== undefined) {
    if (!ctx.state.hooks.getWebhook(company.index, hookId)) return notFound(`Webhook with id ${hookId} not found.`);
    sub.webhookId = hookId;
  }
  if (body.call_states !== undefined) sub.callStates = body.call_states;
  if (body.enabled !== undefined) sub.enabled = body.enabled;
  if (body.group_calls_only !== undefined) sub.groupCallsOnly = body.group_calls_only ?? false;
  if (body.target_id !== undefined) sub.targetId = body.target_id;
  if (body.target_type !== undefined) sub.targetType = body.target_type;
  if ((sub.targetId === null) !== (sub.targetType === null)) return badRequest("target_id and target_type must be given together.");
  if (sub.targetId !== null && sub.targetType !== null && !targetExists(company, sub.targetId, sub.targetType)) {
    return notFound(`Target ${sub.targetType} ${sub.targetId} not found.`);
  }
  return null;
}

export const createSubscription: Handler = (ctx) => {
  const auth = authenticate(ctx);
  if (!auth.ok) return auth.reply;
  const body = parseWith(ctx, createSchema);
  if (!body.ok) return body.reply;
  const { company } = auth.caller;
  const draft: Omit<CallSubscription, "id"> = {
    companyIndex: company.index, webhookId: "", callStates: [], enabled: true, groupCallsOnly: false, targetId: null, targetType: null,
  };
  const problem = apply(ctx, company, draft, body.value);
  if (problem) return problem;
  return json(200, toJson(ctx, ctx.state.hooks.createSubscription(draft)));
};

export const listSubscriptions: Handler = (ctx) => {
  const auth = authenticate(ctx);
  if (!auth.ok) return auth.reply;
  const limit = parseLimit(ctx);
  if (!limit.ok) return limit.reply;
  const q = ctx.url.searchParams;
  const targetId = q.get("target_id") || null;
  const targetType = q.get("target_type") || null;
  if (targetType !== null && !(targetTypes as readonly string[]).includes(targetType)) {
    return invalidParam("target_type", `must be one of ${targetTypes.join(", ")}.`);
  }
  const index = auth.caller.company.index;
  const subs = ctx.state.hooks
    .listSubscriptions(index)
    .filter((s) => (targetId === null || s.targetId === targetId) && (targetType === null || s.targetType === targetType));
  const page = pageByOffset(ctx, "subscriptions", index, JSON.stringify([targetId, targetType]), subs, limit.limit);
  if (!page.ok) return page.reply;
  return json(200, collection(page.page.map((s) => toJson(ctx, s)), page.cursor));
};

function withSubscription(ctx: Ctx, run: (company: Company, sub: CallSubscription) => Reply): Reply {
  const auth = authenticate(ctx);
  if (!auth.ok) return auth.reply;
  const id = ctx.params.id ?? "";
  const sub = ctx.state.hooks.getSubscription(auth.caller.company.index, id);
  if (!sub) return notFound(`Call event subscription with id ${id} not found.`);
  return run(auth.caller.company, sub);
}

export const getSubscription: Handler = (ctx) => withSubscription(ctx, (_c, sub) => json(200, toJson(ctx, sub)));

export const updateSubscription: Handler = (ctx) =>
  withSubscription(ctx, (company, sub) => {
    const body = parseWith(ctx, updateSchema);
    if (!body.ok) return body.reply;
    const draft = { ...sub };
    const problem = apply(ctx, company, draft, body.value);
    if (problem) return problem;
    Object.assign(sub, draft);
    return json(200, toJson(ctx, sub));
  });

export const deleteSubscription: Handler = (ctx) =>
  withSubscription(ctx, (_c, sub) => {
    ctx.state.hooks.deleteSubscription(sub);
    return json(200, toJson(ctx, sub));
  });

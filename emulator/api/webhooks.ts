// /api/v2/webhooks: create, list, get, update, delete webhook endpoints.
import { z } from "zod";
import { json, parseJsonBody, type Reply } from "../http-utils";
import type { Ctx, Handler } from "../router";
import type { Webhook } from "../webhooks/store";
import { authenticate, type Caller } from "./auth";
import { badRequest, notFound } from "./errors";
import { collection, pageByOffset, parseLimit } from "./pagination";

const hookUrl = z
  .string()
  .max(2048)
  .refine((v) => {
    try {
      const url = new URL(v);
      return url.protocol === "https:" || url.protocol === "http:";
    } catch {
      return false;
    }
  }, "hook_url must be an absolute http(s) URL");
const secret = z.string().max(512).refine((v) => !/[\r\n]/.test(v), "secret must be a single line");

const createSchema = z.object({ hook_url: hookUrl, secret: secret.nullish() });
const updateSchema = z.object({ hook_url: hookUrl.optional(), secret: secret.nullish() });

export function toWebhookJson(hook: Webhook): Record<string, unknown> {
  return { id: hook.id, hook_url: hook.hookUrl, signature: { algo: "HS256", secret: hook.secret ?? "", type: "jwt" } };
}

/** Parses a JSON body with `schema`; a 400 Google error on failure. */
export function parseWith<T>(ctx: Ctx, schema: z.ZodType<T>): { ok: true; value: T } | { ok: false; reply: Reply } {
  const body = parseJsonBody(ctx.body);
  if (!body.ok) return { ok: false, reply: badRequest(body.message) };
  const parsed = schema.safeParse(body.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || "body";
    return { ok: false, reply: badRequest(`Invalid ${field}: ${issue?.message ?? "invalid value"}.`) };
  }
  return { ok: true, value: parsed.data };
}

function withHook(ctx: Ctx, run: (caller: Caller, hook: Webhook) => Reply): Reply {
  const auth = authenticate(ctx);
  if (!auth.ok) return auth.reply;
  const id = ctx.params.id ?? "";
  const hook = ctx.state.hooks.getWebhook(auth.caller.company.index, id);
  if (!hook) return notFound(`Webhook with id ${id} not found.`);
  return run(auth.caller, hook);
}

export const createWebhook: Handler = (ctx) => {
  const auth = authenticate(ctx);
  if (!auth.ok) return auth.reply;
  const body = parseWith(ctx, createSchema);
  if (!body.ok) return body.reply;
  const hook = ctx.state.hooks.createWebhook({
    companyIndex: auth.caller.company.index,
    hookUrl: body.value.hook_url,
    secret: body.value.secret || null,
  });
  return json(200, toWebhookJson(hook));
};

export const listWebhooks: Handler = (ctx) => {
  const auth = authenticate(ctx);
  if (!auth.ok) return auth.reply;
  const limit = parseLimit(ctx);
  if (!limit.ok) return limit.reply;
  const index = auth.caller.company.index;
  const page = pageByOffset(ctx, "webhooks", index, "", ctx.state.hooks.listWebhooks(index), limit.limit);
  if (!page.ok) return page.reply;
  return json(200, collection(page.page.map(toWebhookJson), page.cursor));
};

export const getWebhook: Handler = (ctx) => withHook(ctx, (_caller, hook) => json(200, toWebhookJson(hook)));

export const updateWebhook: Handler = (ctx) =>
  withHook(ctx, (_caller, hook) => {
    const body = parseWith(ctx, updateSchema);
    if (!body.ok) return body.reply;
    if (body.value.hook_url !== undefined) hook.hookUrl = body.value.hook_url;
    if (body.value.secret !== undefined) hook.secret = body.value.secret || null;
    return json(200, toWebhookJson(hook));
  });

export const deleteWebhook: Handler = (ctx) =>
  withHook(ctx, (_caller, hook) => {
    ctx.state.hooks.deleteWebhook(hook);
    return json(200, toWebhookJson(hook));
  });

// Test controls under /__admin. Not part of Dialpad's API; no authentication (local test tool).
import { z } from "zod";
import { scopeDescriptions } from "../oauth/pages";
import { dataOverridesSchema } from "../config";
import { findUser } from "../data/dataset";
import { faultSpecSchema } from "../faults";
import { json, noContent, parseJsonBody } from "../http-utils";
import type { Handler, Router } from "../router";
import { addCalls, adminError, listAllCalls } from "./calls";

function parseAdminBody<T>(raw: string, schema: z.ZodType<T>): { ok: true; value: T } | { ok: false; message: string } {
  const body = parseJsonBody(raw);
  if (!body.ok) return body;
  const parsed = schema.safeParse(body.value);
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ") };
  return { ok: true, value: parsed.data };
}

const companies: Handler = (ctx) =>
  json(200, {
    mode: ctx.state.config.mode,
    items: ctx.state.data.companies.map((c) => ({
      index: c.index,
      id: c.id,
      name: c.name,
      domain: c.domain,
      adminEmail: c.adminEmail,
      officeId: c.office.id,
      departments: c.departments.map((d) => ({ id: d.id, name: d.name })),
      callCenters: c.callCenters.map((g) => ({ id: g.id, name: g.name, phone: g.phone, memberIds: g.members.map((u) => u.id) })),
      meetingRooms: c.meetingRooms.map((g) => ({ id: g.id, name: g.name, phone: g.phone })),
      users: c.users.map((u) => ({ id: u.id, email: u.email, firstName: u.firstName, lastName: u.lastName, state: u.state, license: u.license, phone: u.phone, timeZone: u.timeZone, isSuperAdmin: u.isSuperAdmin })),
    })),
  });

const reset: Handler = (ctx) => {
  const body = parseAdminBody(ctx.body, dataOverridesSchema);
  if (!body.ok) return adminError(400, body.message);
  const { anchor, ...rest } = body.value;
  const overrides = { ...rest, ...(anchor === undefined ? {} : { anchor: typeof anchor === "number" ? anchor : Number(anchor) }) };
  try {
    ctx.state.reset({ ...ctx.state.config, ...overrides });
  } catch (error) {
    return adminError(400, error instanceof Error ? error.message : "reset failed");
  }
  return companies(ctx);
};

const addFault: Handler = (ctx) => {
  const body = parseAdminBody(ctx.body, faultSpecSchema);
  if (!body.ok) return adminError(400, body.message);
  if (body.value.kind === "expire_tokens") return json(200, { expired: ctx.state.oauth.expireAccessTokens() });
  return json(201, ctx.state.faults.add(body.value));
};

const rateLimitSchema = z.object({ perSecond: z.number().min(0).max(100_000) }).strict();

const setRateLimit: Handler = (ctx) => {
  const body = parseAdminBody(ctx.body, rateLimitSchema);
  if (!body.ok) return adminError(400, body.message);
  ctx.state.limiter.setPerSecond(body.value.perSecond);
  return json(200, { perSecond: body.value.perSecond });
};

const tokenSchema = z
  .object({ user: z.string().min(1), scopes: z.array(z.string()).default([]) })
  .strict();

/** Issues a token pair for a user without the browser flow (handy for scripts and API tests). */
const issueToken: Handler = (ctx) => {
  const body = parseAdminBody(ctx.body, tokenSchema);
  if (!body.ok) return adminError(400, body.message);
  const unknown = body.value.scopes.find((s) => !(s in scopeDescriptions));
  if (unknown) return adminError(400, `Unknown scope ${unknown}.`);
  const found = findUser(ctx.state.data, body.value.user);
  if (!found) return adminError(404, `No user ${body.value.user}.`);
  const { tokens } = ctx.state.oauth.createGrant({
    clientId: ctx.state.config.clientId,
    companyIndex: found.company.index,
    userId: found.user.id,
    scopes: body.value.scopes,
    code: null,
  });
  return json(200, { access_token: tokens.accessToken, token_type: "Bearer", expires_in: tokens.expiresIn, refresh_token: tokens.refreshToken });
};

export function registerAdminRoutes(router: Router): void {
  router
    .add("GET", "/__admin/health", () => json(200, { status: "ok" }))
    .add("POST", "/__admin/reset", reset)
    .add("GET", "/__admin/faults", (ctx) => json(200, { items: ctx.state.faults.list() }))
    .add("POST", "/__admin/faults", addFault)
    .add("DELETE", "/__admin/faults", (ctx) => {
      ctx.state.faults.clear();
      return noContent();
    })
    .add("POST", "/__admin/rate-limit", setRateLimit)
    .add("POST", "/__admin/calls", addCalls)
    .add("GET", "/__admin/calls", listAllCalls)
    .add("GET", "/__admin/stats", (ctx) => json(200, ctx.state.stats))
    .add("GET", "/__admin/companies", companies)
    .add("POST", "/__admin/tokens", issueToken);
}

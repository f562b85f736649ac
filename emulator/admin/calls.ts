// POST /__admin/calls (add live calls) and GET /__admin/calls (every finished leg of a company in a window).
import { z } from "zod";
import { findCompanyByDomain, findUser } from "../data/dataset";
import { buildLiveLegs, liveCallSchema } from "../data/live-calls";
import { toRestCall } from "../data/serialize";
import { json, parseJsonBody } from "../http-utils";
import type { Handler } from "../router";

export const adminError = (status: number, message: string) => json(status, { error: message });

const bodySchema = z.union([z.object({ calls: z.array(liveCallSchema).min(1).max(1_000) }).strict(), liveCallSchema]);

export const addCalls: Handler = (ctx) => {
  const body = parseJsonBody(ctx.body);
  if (!body.ok) return adminError(400, body.message);
  const parsed = bodySchema.safeParse(body.value);
  if (!parsed.success) return adminError(400, parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
  const specs = "calls" in parsed.data ? parsed.data.calls : [parsed.data];
  const { data, dispatcher } = ctx.state;
  const now = ctx.state.clock.now();
  const planned = [];
  for (const spec of specs) {
    const found = findUser(data, spec.user);
    if (!found) return adminError(404, `No user ${spec.user}.`);
    const to = spec.to_user ? findUser(data, spec.to_user, found.company) : undefined;
    if (spec.to_user && !to) return adminError(404, `No user ${spec.to_user} in ${found.company.domain}.`);
    for (const u of [found.user, to?.user]) {
      if (u && (u.state !== "active" || u.phone === null)) return adminError(400, `${u.email} cannot take calls (inactive or no phone licence).`);
    }
    planned.push({ spec, company: found.company, user: found.user, toUser: to?.user ?? null });
  }
  const items = [];
  for (const p of planned) {
    const legs = buildLiveLegs(p.spec, {
      company: p.company, user: p.user, toUser: p.toUser, now, nextSeq: () => data.calls.nextLiveSeq(), strict: ctx.state.config.mode === "strict",
    });
    data.calls.addLive(p.company, legs);
    dispatcher.schedule(p.company.index, legs, now);
    items.push(...legs.map((leg) => toRestCall(leg, now)));
  }
  return json(201, { items });
};

export const listAllCalls: Handler = (ctx) => {
  const q = ctx.url.searchParams;
  const { data } = ctx.state;
  const domain = q.get("domain");
  const company = domain ? findCompanyByDomain(data, domain) : data.companies[0];
  if (!company) return adminError(404, `No company with domain ${domain}.`);
  const bound = (name: string, fallback: number) => {
    const raw = q.get(name);
    return raw === null || raw === "" ? fallback : /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  };
  const after = bound("started_after", -1);
  const before = bound("started_before", Number.MAX_SAFE_INTEGER);
  if (Number.isNaN(after) || Number.isNaN(before)) return adminError(400, "started_after/started_before must be epoch ms.");
  const now = ctx.state.clock.now();
  const legs = data.calls.all(company, { after, before, endedBy: now, maxLiveSeq: data.calls.liveSeq });
  if (q.get("count_only") === "true") return json(200, { count: legs.length });
  return json(200, { items: legs.map((leg) => toRestCall(leg, now)) });
};

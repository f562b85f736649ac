// REST authentication (Bearer header or ?apikey=) followed by the per-company rate limit.
import type { Company, User } from "../data/types";
import type { Reply } from "../http-utils";
import type { Grant } from "../oauth/store";
import type { Ctx } from "../router";
import { forbidden, rateLimited, unauthorized } from "./errors";

export interface Caller {
  company: Company;
  user: User;
  grant: Grant;
}

export type AuthResult = { ok: true; caller: Caller } | { ok: false; reply: Reply };

export function bearerToken(ctx: Ctx): string | null {
  const header = ctx.req.headers.authorization;
  if (header) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return m ? m[1]! : null;
  }
  return ctx.url.searchParams.get("apikey");
}

export function authenticate(ctx: Ctx): AuthResult {
  const { state } = ctx;
  const token = bearerToken(ctx);
  if (!token) return { ok: false, reply: unauthorized("Missing API key or access token.") };
  const grant = state.oauth.resolveAccess(token);
  const company = grant ? state.data.companies[grant.companyIndex] : undefined;
  const user = grant ? company?.usersById.get(grant.userId) : undefined;
  if (!grant || !company || !user) return { ok: false, reply: unauthorized("Invalid or expired access token.") };
  if (user.state !== "active") return { ok: false, reply: unauthorized("The user behind this token is not active.") };
  const decision = state.limiter.check(company.id, ctx.routeKey, state.clock.now());
  if (!decision.ok) {
    state.stats.rateLimited++;
    return { ok: false, reply: rateLimited(decision.retryAfterSeconds) };
  }
  return { ok: true, caller: { company, user, grant } };
}

/** Company-admin endpoints (GET /company, GET /call): a super admin's token, plus any extra scope. */
export function requireAdmin(caller: Caller, scope?: string): Reply | null {
  if (scope && !caller.grant.scopes.includes(scope)) {
    return forbidden(`This request requires the "${scope}" OAuth scope.`);
  }
  if (!caller.user.isSuperAdmin) return forbidden("This request requires a company admin API key or token.");
  return null;
}

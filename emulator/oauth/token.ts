// POST /oauth2/token (authorization_code with PKCE, refresh_token with rotation) and POST /oauth2/deauthorize.
import { createHash, timingSafeEqual } from "node:crypto";
import { googleError } from "../api/errors";
import { bearerToken } from "../api/auth";
import { json, noContent, parseBody, type Reply } from "../http-utils";
import type { Ctx, Handler } from "../router";
import type { AuthRequest, IssuedTokens } from "./store";

function oauthError(status: number, error: string, description: string, headers: Record<string, string> = {}): Reply {
  return json(status, { error, error_description: description }, { "cache-control": "no-store", pragma: "no-cache", ...headers });
}

function tokenResponse(tokens: IssuedTokens): Reply {
  return json(
    200,
    { access_token: tokens.accessToken, token_type: "Bearer", expires_in: tokens.expiresIn, refresh_token: tokens.refreshToken },
    { "cache-control": "no-store", pragma: "no-cache" },
  );
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

type ClientAuth = { ok: true; clientId: string } | { ok: false; reply: Reply };

/** Client credentials from HTTP Basic (RFC 6749 §2.3.1, form-encoded parts) or from the body. */
function authenticateClient(ctx: Ctx, body: Record<string, string>): ClientAuth {
  const header = ctx.req.headers.authorization;
  let id = body.client_id;
  let secret = body.client_secret;
  const usedBasic = header !== undefined && /^Basic\s/i.test(header);
  if (usedBasic) {
    const decoded = Buffer.from(header.replace(/^Basic\s+/i, ""), "base64").toString("utf8");
    const sep = decoded.indexOf(":");
    try {
      id = decodeURIComponent((sep < 0 ? decoded : decoded.slice(0, sep)).replace(/\+/g, " "));
      secret = sep < 0 ? "" : decodeURIComponent(decoded.slice(sep + 1).replace(/\+/g, " "));
    } catch {
      return { ok: false, reply: oauthError(400, "invalid_request", "Malformed Basic authorization header.") };
    }
    if (body.client_id && body.client_id !== id) return { ok: false, reply: oauthError(400, "invalid_request", "client_id differs from the Basic credentials.") };
  }
  const { clientId, clientSecret } = ctx.state.config;
  if (!id || secret === undefined || id !== clientId || !safeEqual(secret, clientSecret)) {
    const headers: Record<string, string> = usedBasic ? { "www-authenticate": 'Basic realm="dialpad"' } : {};
    return { ok: false, reply: oauthError(401, "invalid_client", "Client authentication failed.", headers) };
  }
  return { ok: true, clientId: id };
}

function pkceMatches(request: AuthRequest, verifier: string | undefined): boolean {
  if (request.codeChallenge === null) return true;
  if (!verifier || !/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier)) return false;
  const derived = request.codeChallengeMethod === "S256" ? createHash("sha256").update(verifier).digest("base64url") : verifier;
  return safeEqual(derived, request.codeChallenge);
}

export const token: Handler = (ctx) => {
  const { state } = ctx;
  if (state.faults.take(ctx.url.pathname, ["invalid_grant"])) {
    state.stats.faultsInjected++;
    return oauthError(400, "invalid_grant", "The grant is invalid or has been revoked.");
  }
  const parsed = parseBody(ctx.body, ctx.req.headers["content-type"]);
  if (!parsed.ok) return oauthError(400, "invalid_request", parsed.message);
  const body = Object.fromEntries(Object.entries(parsed.value).filter(([, v]) => typeof v === "string")) as Record<string, string>;
  const client = authenticateClient(ctx, body);
  if (!client.ok) return client.reply;
  // redirect_uri is tolerated and ignored (Dialpad clients send it; the spec does not declare it).
  if (!body.grant_type) return oauthError(400, "invalid_request", "grant_type is required.");
  if (body.grant_type === "authorization_code") {
    if (!body.code) return oauthError(400, "invalid_request", "code is required.");
    const redeemed = state.oauth.redeemCode(body.code, client.clientId);
    if (!redeemed.ok) return oauthError(400, "invalid_grant", redeemed.reason);
    const { request } = redeemed;
    if (!pkceMatches(request, body.code_verifier)) return oauthError(400, "invalid_grant", "PKCE verification failed.");
    const { tokens } = state.oauth.createGrant({
      clientId: client.clientId,
      companyIndex: request.subject.companyIndex,
      userId: request.subject.userId,
      scopes: request.scopes,
      code: body.code,
    });
    state.stats.tokenGrants++;
    return tokenResponse(tokens);
  }
  if (body.grant_type === "refresh_token") {
    if (!body.refresh_token) return oauthError(400, "invalid_request", "refresh_token is required.");
    const result = state.oauth.refresh(body.refresh_token, client.clientId);
    if (!result.ok) {
      if (result.familyRevoked) state.stats.refreshReuseRevocations++;
      return oauthError(400, "invalid_grant", "The refresh token is invalid, expired or revoked.");
    }
    state.stats.refreshes++;
    return tokenResponse(result.tokens);
  }
  return oauthError(400, "unsupported_grant_type", `Unsupported grant_type: ${body.grant_type}.`);
};

export const deauthorize: Handler = (ctx) => {
  const presented = bearerToken(ctx);
  const grant = presented ? ctx.state.oauth.grantForToken(presented) : undefined;
  if (!grant) return googleError(401, "authError", "Invalid or missing access token.");
  ctx.state.oauth.revokeGrant(grant.id);
  ctx.state.stats.revocations++;
  return noContent();
};

// GET /oauth2/authorize → sign-in page → consent page → 302 back to the client with code (or error).
import { findUserByEmail } from "../data/dataset";
import { html, parseBody, redirect, type Reply } from "../http-utils";
import type { Ctx, Handler } from "../router";
import { consentPage, errorPage, scopeDescriptions, signInPage } from "./pages";

const PKCE_CHALLENGE = /^[A-Za-z0-9\-._~]{43,128}$/;

/** redirect_uri with our parameters appended; its own query parameters are preserved. */
export function redirectWith(redirectUri: string, params: Record<string, string | null>): string {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== null) url.searchParams.set(k, v);
  return url.toString();
}

export const authorizeStart: Handler = (ctx) => {
  const q = ctx.url.searchParams;
  const { config, oauth } = ctx.state;
  const clientId = q.get("client_id");
  if (!clientId || clientId !== config.clientId) {
    return html(400, errorPage("Unknown application", "The application that sent you here is not registered with Dialpad."));
  }
  const redirectUri = q.get("redirect_uri");
  if (!redirectUri || !config.redirectUris.includes(redirectUri)) {
    return html(400, errorPage("Invalid redirect URI", "The redirect_uri does not match any URI registered for this application."));
  }
  const state = q.get("state");
  const fail = (error: string, description: string) =>
    redirect(redirectWith(redirectUri, { error, error_description: description, state }));
  const responseType = q.get("response_type");
  if (responseType !== null && responseType !== "code") return fail("unsupported_response_type", "Only response_type=code is supported.");
  const challenge = q.get("code_challenge");
  const method = q.get("code_challenge_method");
  if (method !== null && method !== "S256" && method !== "plain") return fail("invalid_request", "code_challenge_method must be S256 or plain.");
  if (method !== null && challenge === null) return fail("invalid_request", "code_challenge_method was sent without code_challenge.");
  if (challenge !== null && !PKCE_CHALLENGE.test(challenge)) return fail("invalid_request", "code_challenge is malformed.");
  const scopes = [...new Set((q.get("scope") ?? "").split(/\s+/).filter(Boolean))];
  const unknown = scopes.find((s) => !(s in scopeDescriptions));
  if (unknown) return fail("invalid_scope", `Unknown scope: ${unknown}.`);
  const request = oauth.createRequest({
    clientId,
    redirectUri,
    state,
    scopes,
    codeChallenge: challenge,
    codeChallengeMethod: challenge === null ? null : method === "S256" ? "S256" : "plain",
  });
  return html(200, signInPage({ requestId: request.id, clientName: config.clientName }));
};

function formOf(ctx: Ctx): Record<string, string> {
  const parsed = parseBody(ctx.body, ctx.req.headers["content-type"]);
  if (!parsed.ok) return {};
  return Object.fromEntries(Object.entries(parsed.value).map(([k, v]) => [k, typeof v === "string" ? v : ""]));
}

const expired = (): Reply =>
  html(400, errorPage("Sign-in expired", "This sign-in request is no longer valid. Go back to the application and try again."));

export const authorizeSignIn: Handler = (ctx) => {
  const form = formOf(ctx);
  const { config, oauth, data } = ctx.state;
  const request = oauth.getRequest(form.request_id ?? "");
  if (!request) return expired();
  const email = (form.email ?? "").trim();
  const found = findUserByEmail(data, email);
  const again = (status: number, error: string) => html(status, signInPage({ requestId: request.id, clientName: config.clientName, email, error }));
  if (!found || form.password !== config.password) return again(401, "Incorrect email or password.");
  if (found.user.state !== "active") return again(403, "This Dialpad account is not active.");
  request.subject = { companyIndex: found.company.index, userId: found.user.id };
  return html(200, consentPage({
    requestId: request.id,
    clientName: config.clientName,
    scopes: request.scopes,
    email: found.user.email,
    companyName: found.company.name,
  }));
};

export const authorizeConsent: Handler = (ctx) => {
  const form = formOf(ctx);
  const { oauth } = ctx.state;
  const request = oauth.getRequest(form.request_id ?? "");
  if (!request || !request.subject) return expired();
  if (form.decision === "deny") {
    oauth.discardRequest(request.id);
    return redirect(redirectWith(request.redirectUri, { error: "access_denied", error_description: "The user denied access.", state: request.state }));
  }
  if (form.decision !== "allow") return html(400, errorPage("Invalid request", "Choose Allow or Deny."));
  const code = oauth.issueCode(request);
  return redirect(redirectWith(request.redirectUri, { code, state: request.state }));
};

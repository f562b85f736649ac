// Shared helpers for the emulator's contract tests: start it in-process and talk to it over HTTP.
import { createHash, randomBytes } from "node:crypto";
import type { EmulatorClock } from "../clock";
import type { EmulatorConfig } from "../config";
import { startEmulator, type RunningEmulator } from "../server";

/** A fixed instant in the past so that every generated call is concluded. */
export const TEST_ANCHOR = Date.parse("2025-06-18T15:30:00Z");
export const REDIRECT_URI = "http://localhost:3999/callback?tenant=t1";

export function startTestEmulator(overrides: Partial<EmulatorConfig> = {}, options: { clock?: EmulatorClock } = {}): Promise<RunningEmulator> {
  return startEmulator(
    {
      port: 0,
      anchor: TEST_ANCHOR,
      days: 10,
      rateLimit: 0,
      redirectUris: [REDIRECT_URI],
      webhookRetryDelaysMs: [30, 60, 90],
      ...overrides,
    },
    options,
  );
}

export interface Json {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- test assertions probe arbitrary JSON
}

export async function call(emu: RunningEmulator, path: string, init: RequestInit & { token?: string } = {}): Promise<Json> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  if (init.body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
  const res = await fetch(`${emu.url}${path}`, { ...init, headers, redirect: "manual" });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // leave the raw text for assertions on HTML or malformed bodies
  }
  return { status: res.status, headers: res.headers, body };
}

/** Issues a token through the admin shortcut (the OAuth flow itself is covered by oauth tests). */
export async function tokenFor(emu: RunningEmulator, user: string, scopes: string[] = []): Promise<string> {
  const res = await call(emu, "/__admin/tokens", { method: "POST", body: JSON.stringify({ user, scopes }) });
  if (res.status !== 200) throw new Error(`token for ${user}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.access_token as string;
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

export function hiddenField(html: string, name: string): string {
  const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!m) throw new Error(`no hidden field ${name}`);
  return m[1]!;
}

export async function postForm(emu: RunningEmulator, path: string, fields: Record<string, string>): Promise<Response> {
  return fetch(`${emu.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });
}

/** Drives authorize → sign-in → consent(allow) with fetch and returns the redirect Location. */
export async function authorizeViaForms(
  emu: RunningEmulator,
  opts: { email: string; password?: string; scope?: string; state?: string; challenge?: string },
): Promise<URL> {
  const q = new URLSearchParams({ client_id: "daymark-dev", redirect_uri: REDIRECT_URI, response_type: "code" });
  if (opts.scope) q.set("scope", opts.scope);
  if (opts.state) q.set("state", opts.state);
  if (opts.challenge) {
    q.set("code_challenge", opts.challenge);
    q.set("code_challenge_method", "S256");
  }
  const page = await fetch(`${emu.url}/oauth2/authorize?${q}`);
  const requestId = hiddenField(await page.text(), "request_id");
  const signIn = await postForm(emu, "/oauth2/authorize/sign-in", { request_id: requestId, email: opts.email, password: opts.password ?? "dialpad" });
  if (signIn.status !== 200) throw new Error(`sign-in failed: ${signIn.status}`);
  const consentId = hiddenField(await signIn.text(), "request_id");
  const allow = await postForm(emu, "/oauth2/authorize/consent", { request_id: consentId, decision: "allow" });
  return new URL(allow.headers.get("location") ?? "");
}

export async function exchangeCode(emu: RunningEmulator, fields: Record<string, string>): Promise<Json> {
  return call(emu, "/oauth2/token", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ client_id: "daymark-dev", client_secret: "daymark-dev-secret", ...fields }).toString(),
  });
}

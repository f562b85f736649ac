import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../server";
import {
  REDIRECT_URI, authorizeViaForms, call, exchangeCode, hiddenField, pkcePair, postForm, startTestEmulator,
} from "../testing/harness";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ extraCompanies: [{ domain: "other.test", users: 3 }] });
});
afterAll(() => emu.close());

const authorizeUrl = (params: Record<string, string>) => `${emu.url}/oauth2/authorize?${new URLSearchParams(params)}`;

describe("authorization page flow", () => {
  it("signs in, shows consent naming the client and scopes, and redirects with code + state + original query", async () => {
    const page = await fetch(authorizeUrl({ client_id: "daymark-dev", redirect_uri: REDIRECT_URI, scope: "calls:list offline_access", state: "s-1" }));
    const signInHtml = await page.text();
    expect(page.status).toBe(200);
    expect(signInHtml).toContain('<label for="email">Email</label>');
    expect(signInHtml).toContain('<label for="password">Password</label>');

    const wrong = await postForm(emu, "/oauth2/authorize/sign-in", { request_id: hiddenField(signInHtml, "request_id"), email: "admin@acme.test", password: "nope" });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('<p class="error" role="alert">Incorrect email or password.</p>');

    const ok = await postForm(emu, "/oauth2/authorize/sign-in", { request_id: hiddenField(signInHtml, "request_id"), email: "ADMIN@acme.test", password: "dialpad" });
    const consent = await ok.text();
    expect(ok.status).toBe(200);
    expect(consent).toContain("<h1>Daymark wants to access your Dialpad account</h1>");
    expect(consent).toContain("<code>calls:list</code>");
    expect(consent).toContain('value="allow">Allow</button>');
    expect(consent).toContain('value="deny">Deny</button>');

    const allow = await postForm(emu, "/oauth2/authorize/consent", { request_id: hiddenField(consent, "request_id"), decision: "allow" });
    expect(allow.status).toBe(302);
    const location = new URL(allow.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe("http://localhost:3999/callback");
    expect(location.searchParams.get("tenant")).toBe("t1");
    expect(location.searchParams.get("state")).toBe("s-1");
    expect(location.searchParams.get("code")).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("redirects Deny as error=access_denied with the state", async () => {
    const page = await (await fetch(authorizeUrl({ client_id: "daymark-dev", redirect_uri: REDIRECT_URI, state: "s-2" }))).text();
    const signIn = await postForm(emu, "/oauth2/authorize/sign-in", { request_id: hiddenField(page, "request_id"), email: "admin@acme.test", password: "dialpad" });
    const deny = await postForm(emu, "/oauth2/authorize/consent", { request_id: hiddenField(await signIn.text(), "request_id"), decision: "deny" });
    const location = new URL(deny.headers.get("location")!);
    expect(location.searchParams.get("error")).toBe("access_denied");
    expect(location.searchParams.get("state")).toBe("s-2");
    expect(location.searchParams.get("code")).toBeNull();
  });

  it("shows an error page (never a redirect) for an unknown client or redirect_uri", async () => {
    const badClient = await fetch(authorizeUrl({ client_id: "evil", redirect_uri: REDIRECT_URI }), { redirect: "manual" });
    expect(badClient.status).toBe(400);
    expect(await badClient.text()).toContain("Unknown application");
    const badRedirect = await fetch(authorizeUrl({ client_id: "daymark-dev", redirect_uri: "http://localhost:3999/callback" }), { redirect: "manual" });
    expect(badRedirect.status).toBe(400);
    expect(badRedirect.headers.get("location")).toBeNull();
  });

  it("redirects protocol errors back to the client", async () => {
    const res = await fetch(authorizeUrl({ client_id: "daymark-dev", redirect_uri: REDIRECT_URI, response_type: "token", state: "x" }), { redirect: "manual" });
    expect(new URL(res.headers.get("location")!).searchParams.get("error")).toBe("unsupported_response_type");
    const scope = await fetch(authorizeUrl({ client_id: "daymark-dev", redirect_uri: REDIRECT_URI, scope: "calls:write" }), { redirect: "manual" });
    expect(new URL(scope.headers.get("location")!).searchParams.get("error")).toBe("invalid_scope");
  });

  it("binds the token to the signed-in user's company, for any company", async () => {
    const location = await authorizeViaForms(emu, { email: "admin@other.test" });
    const tokens = await exchangeCode(emu, { grant_type: "authorization_code", code: location.searchParams.get("code")! });
    const me = await call(emu, "/api/v2/users/me", { token: tokens.body.access_token });
    expect(me.body.emails).toEqual(["admin@other.test"]);
    const company = await call(emu, "/api/v2/company", { token: tokens.body.access_token });
    expect(company.body.domain).toBe("other.test");
  });
});

describe("token endpoint", () => {
  it("exchanges a code with PKCE S256 once; a replay fails and revokes the grant", async () => {
    const { verifier, challenge } = pkcePair();
    const location = await authorizeViaForms(emu, { email: "admin@acme.test", scope: "calls:list", challenge });
    const code = location.searchParams.get("code")!;
    const res = await exchangeCode(emu, { grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: REDIRECT_URI });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(Object.keys(res.body).sort()).toEqual(["access_token", "expires_in", "refresh_token", "token_type"]);
    expect(res.body.token_type).toBe("Bearer");
    expect(res.body.expires_in).toBe(3600);
    expect((await call(emu, "/api/v2/users/me", { token: res.body.access_token })).status).toBe(200);

    const replay = await exchangeCode(emu, { grant_type: "authorization_code", code, code_verifier: verifier });
    expect(replay.status).toBe(400);
    expect(replay.body.error).toBe("invalid_grant");
    expect((await call(emu, "/api/v2/users/me", { token: res.body.access_token })).status).toBe(401);
  });

  it("rejects a wrong or missing PKCE verifier", async () => {
    const { challenge } = pkcePair();
    const location = await authorizeViaForms(emu, { email: "admin@acme.test", challenge });
    const res = await exchangeCode(emu, { grant_type: "authorization_code", code: location.searchParams.get("code")!, code_verifier: pkcePair().verifier });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: "invalid_grant", error_description: "PKCE verification failed." });
  });

  it("accepts JSON bodies and HTTP Basic client credentials", async () => {
    const location = await authorizeViaForms(emu, { email: "admin@acme.test" });
    const basic = Buffer.from("daymark-dev:daymark-dev-secret").toString("base64");
    const res = await call(emu, "/oauth2/token", {
      method: "POST",
      headers: { authorization: `Basic ${basic}` },
      body: JSON.stringify({ grant_type: "authorization_code", code: location.searchParams.get("code") }),
    });
    expect(res.status).toBe(200);
  });

  it("rotates refresh tokens: the old refresh token stops working", async () => {
    const location = await authorizeViaForms(emu, { email: "admin@acme.test" });
    const first = await exchangeCode(emu, { grant_type: "authorization_code", code: location.searchParams.get("code")! });
    const second = await exchangeCode(emu, { grant_type: "refresh_token", refresh_token: first.body.refresh_token });
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).not.toBe(first.body.refresh_token);
    const reused = await exchangeCode(emu, { grant_type: "refresh_token", refresh_token: first.body.refresh_token });
    expect(reused.status).toBe(400);
    expect(reused.body.error).toBe("invalid_grant");
    expect((await exchangeCode(emu, { grant_type: "refresh_token", refresh_token: second.body.refresh_token })).status).toBe(200);
  });

  it("returns RFC 6749 errors", async () => {
    const badSecret = await exchangeCode(emu, { grant_type: "refresh_token", refresh_token: "x", client_secret: "wrong" });
    expect(badSecret.status).toBe(401);
    expect(badSecret.body.error).toBe("invalid_client");
    expect((await exchangeCode(emu, { grant_type: "password" })).body.error).toBe("unsupported_grant_type");
    expect((await exchangeCode(emu, { grant_type: "authorization_code" })).body.error).toBe("invalid_request");
    expect((await exchangeCode(emu, { grant_type: "authorization_code", code: "nope" })).body.error).toBe("invalid_grant");
  });

  it("deauthorize revokes the access and refresh token of the grant", async () => {
    const location = await authorizeViaForms(emu, { email: "admin@acme.test" });
    const tokens = await exchangeCode(emu, { grant_type: "authorization_code", code: location.searchParams.get("code")! });
    const revoke = await call(emu, "/oauth2/deauthorize", { method: "POST", token: tokens.body.access_token });
    expect(revoke.status).toBe(204);
    expect((await call(emu, "/api/v2/users/me", { token: tokens.body.access_token })).status).toBe(401);
    const refresh = await exchangeCode(emu, { grant_type: "refresh_token", refresh_token: tokens.body.refresh_token });
    expect(refresh.body.error).toBe("invalid_grant");
    expect((await call(emu, "/oauth2/deauthorize", { method: "POST", token: tokens.body.access_token })).status).toBe(401);
  });
});

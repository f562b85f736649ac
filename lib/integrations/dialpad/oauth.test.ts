import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getDialpadConfig, type DialpadConfig } from "./config";
import {
  DialpadAuthorizationDeniedError,
  DialpadCallbackError,
  DialpadConfigError,
  DialpadInvalidGrantError,
  DialpadRequestError,
  DialpadTransientError,
} from "./errors";
import { createAuthorizationRequest, exchangeAuthorizationCode, refreshAccessToken, revokeToken } from "./oauth";
import { sendJson, startLocalServer, type Handler, type LocalServer } from "./testing/local-server";

const now = () => 1_767_600_000_000;
let server: LocalServer;
let config: DialpadConfig;
let answer: Handler;

beforeEach(async () => {
  answer = (_request, response) => sendJson(response, 404, {});
  server = await startLocalServer((request, response) => answer(request, response));
  config = getDialpadConfig({
    DIALPAD_BASE_URL: server.url,
    DIALPAD_CLIENT_ID: "daymark-client",
    DIALPAD_CLIENT_SECRET: "client-secret-value",
    APP_URL: "http://127.0.0.1:3100",
  });
});
afterEach(() => server.close());

const form = (body: string) => Object.fromEntries(new URLSearchParams(body));

describe("authorization request", () => {
  it("sends client id, the exact redirect URI, scopes, state and an S256 challenge of the verifier", async () => {
    const request = await createAuthorizationRequest({ config });
    const url = new URL(request.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${server.url}/oauth2/authorize`);
    expect(url.searchParams.get("client_id")).toBe("daymark-client");
    expect(url.searchParams.get("redirect_uri")).toBe("http://127.0.0.1:3100/api/integrations/dialpad/callback");
    expect(url.searchParams.get("response_type")).toBe("code");
    expect(url.searchParams.get("scope")).toBe("calls:list offline_access");
    expect(url.searchParams.get("state")).toBe(request.state);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    const challenge = createHash("sha256").update(request.codeVerifier).digest("base64url");
    expect(url.searchParams.get("code_challenge")).toBe(challenge);
    expect(request.state.length).toBeGreaterThanOrEqual(32);
    expect((await createAuthorizationRequest({ config })).state).not.toBe(request.state);
  });

  it("refuses to start without client credentials", async () => {
    await expect(createAuthorizationRequest({ config: { ...config, clientSecret: "" } })).rejects.toBeInstanceOf(DialpadConfigError);
  });
});

describe("code exchange", () => {
  it("posts a form-encoded code grant with the PKCE verifier and tolerates a response without token_type", async () => {
    const start = await createAuthorizationRequest({ config });
    const challenge = new URL(start.url).searchParams.get("code_challenge");
    answer = (_request, response) =>
      sendJson(response, 200, { access_token: "at-1", refresh_token: "rt-1", expires_in: "7200", id_token: null });
    const callbackUrl = `http://proxy.internal:8080/api/integrations/dialpad/callback?code=c0de&state=${start.state}`;

    const tokens = await exchangeAuthorizationCode({ callbackUrl, expectedState: start.state, codeVerifier: start.codeVerifier }, { config, now });

    expect(tokens).toEqual({ accessToken: "at-1", refreshToken: "rt-1", expiresAt: now() + 7_200_000 });
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.headers["content-type"]).toBe("application/x-www-form-urlencoded;charset=UTF-8");
    const body = form(request?.body ?? "");
    expect(body).toMatchObject({
      grant_type: "authorization_code",
      code: "c0de",
      code_verifier: start.codeVerifier,
      client_id: "daymark-client",
      client_secret: "client-secret-value",
      redirect_uri: "http://127.0.0.1:3100/api/integrations/dialpad/callback",
    });
    expect(createHash("sha256").update(body.code_verifier ?? "").digest("base64url")).toBe(challenge);
  });

  it("rejects a state mismatch without calling the token endpoint", async () => {
    const start = await createAuthorizationRequest({ config });
    const callbackUrl = `${config.redirectUri}?code=c0de&state=someone-elses-state`;
    await expect(
      exchangeAuthorizationCode({ callbackUrl, expectedState: start.state, codeVerifier: start.codeVerifier }, { config }),
    ).rejects.toBeInstanceOf(DialpadCallbackError);
    await expect(
      exchangeAuthorizationCode({ callbackUrl: `${config.redirectUri}?state=${start.state}`, expectedState: start.state, codeVerifier: "v" }, { config }),
    ).rejects.toThrow("no authorization code");
    expect(server.requests).toHaveLength(0);
  });

  it("reports Deny as DialpadAuthorizationDeniedError", async () => {
    const callbackUrl = `${config.redirectUri}?error=access_denied&state=s1`;
    const error = await exchangeAuthorizationCode({ callbackUrl, expectedState: "s1", codeVerifier: "v" }, { config }).catch((e) => e);
    expect(error).toBeInstanceOf(DialpadAuthorizationDeniedError);
    expect(error.oauthError).toBe("access_denied");
    expect(server.requests).toHaveLength(0);
  });

  it("defaults expiry to an hour when Dialpad omits expires_in and keeps refreshToken null when none is issued", async () => {
    answer = (_request, response) => sendJson(response, 200, { access_token: "at-1", token_type: "bearer", refresh_token: null });
    const callbackUrl = `${config.redirectUri}?code=c&state=s1`;
    const tokens = await exchangeAuthorizationCode({ callbackUrl, expectedState: "s1", codeVerifier: "v".repeat(43) }, { config, now });
    expect(tokens).toEqual({ accessToken: "at-1", refreshToken: null, expiresAt: now() + 3_600_000 });
  });
});

describe("refresh", () => {
  it("returns the rotated refresh token", async () => {
    answer = (_request, response) => sendJson(response, 200, { access_token: "at-2", refresh_token: "rt-2", expires_in: 1800, token_type: "Bearer" });
    const tokens = await refreshAccessToken("rt-1", { config, now });
    expect(tokens).toEqual({ accessToken: "at-2", refreshToken: "rt-2", expiresAt: now() + 1_800_000 });
    expect(form(server.requests[0]?.body ?? "")).toMatchObject({
      grant_type: "refresh_token",
      refresh_token: "rt-1",
      client_id: "daymark-client",
      client_secret: "client-secret-value",
    });
  });

  it("keeps the old refresh token when the response has none", async () => {
    answer = (_request, response) => sendJson(response, 200, { access_token: "at-2", expires_in: 1800 });
    expect((await refreshAccessToken("rt-1", { config, now })).refreshToken).toBe("rt-1");
  });

  it("types invalid_grant so the caller can mark the connection for reconnect", async () => {
    answer = (_request, response) => sendJson(response, 400, { error: "invalid_grant", error_description: "refresh token revoked" });
    const error = await refreshAccessToken("rt-dead", { config }).catch((e) => e);
    expect(error).toBeInstanceOf(DialpadInvalidGrantError);
    expect(error.code).toBe("DIALPAD_DISCONNECTED");
    expect(String(error.message)).not.toContain("rt-dead");
  });

  it("treats 5xx and unreachable servers as transient, invalid_client as a request error", async () => {
    answer = (_request, response) => {
      response.writeHead(503, { "content-type": "text/html" });
      response.end("<h1>down</h1>");
    };
    await expect(refreshAccessToken("rt-1", { config })).rejects.toBeInstanceOf(DialpadTransientError);

    answer = (_request, response) => sendJson(response, 401, { error: "invalid_client" });
    const error = await refreshAccessToken("rt-1", { config }).catch((e) => e);
    expect(error).toBeInstanceOf(DialpadRequestError);
    expect(error.message).toBe("Dialpad rejected /oauth2/token with HTTP 401: invalid_client.");

    await server.close();
    await expect(refreshAccessToken("rt-1", { config })).rejects.toBeInstanceOf(DialpadTransientError);
  });
});

describe("revoke", () => {
  it("posts to /oauth2/deauthorize with the token as Bearer", async () => {
    answer = (_request, response) => {
      response.writeHead(204);
      response.end();
    };
    await revokeToken("at-1", { config });
    expect(server.requests.map((r) => [r.method, r.path, r.headers.authorization])).toEqual([
      ["POST", "/oauth2/deauthorize", "Bearer at-1"],
    ]);
  });

  it("treats an already-invalid token as revoked and a 5xx as transient", async () => {
    answer = (_request, response) => sendJson(response, 401, {});
    await expect(revokeToken("at-1", { config })).resolves.toBeUndefined();
    answer = (_request, response) => sendJson(response, 502, {});
    await expect(revokeToken("at-1", { config })).rejects.toBeInstanceOf(DialpadTransientError);
  });
});

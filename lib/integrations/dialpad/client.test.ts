import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDialpadClient, createRateLimiter, type DialpadClientOptions } from "./client";
import {
  DialpadCursorExpiredError, DialpadForbiddenError, DialpadNotFoundError, DialpadRequestError, DialpadResponseError, DialpadUnauthorizedError,
} from "./errors";
import { createRecordingClock } from "./testing/fake-clock";
import { restAnsweredCall, restCompany, restDeletedUser, restUser, webhookVoicemailCall } from "./testing/fixtures";
import { dialpadErrorBody, sendJson, startLocalServer, type Handler, type LocalServer } from "./testing/local-server";

let server: LocalServer;
let answer: Handler;

beforeEach(async () => {
  answer = (_request, response) => sendJson(response, 404, dialpadErrorBody(404, "Not found.", "notFound"));
  server = await startLocalServer((request, response) => answer(request, response));
});
afterEach(() => server.close());

function client(overrides: Partial<DialpadClientOptions> = {}) {
  return createDialpadClient({
    baseUrl: server.url,
    getAccessToken: async () => "token-1",
    onUnauthorized: async () => "token-2",
    rateLimiter: createRateLimiter(10_000),
    clock: createRecordingClock(),
    ...overrides,
  });
}

describe("reads", () => {
  it("sends the Bearer token and parses company and /users/me", async () => {
    answer = (request, response) =>
      sendJson(response, 200, request.path === "/api/v2/company" ? restCompany() : restUser());
    const dialpad = client();
    expect((await dialpad.getCompany()).domain).toBe("Example.com");
    expect((await dialpad.getMe()).id).toBe("5835806903417907");
    expect(server.requests.map((r) => [r.path, r.headers.authorization])).toEqual([
      ["/api/v2/company", "Bearer token-1"],
      ["/api/v2/users/me", "Bearer token-1"],
    ]);
  });

  it("pages through users by cursor with state=all", async () => {
    const pages: Record<string, unknown> = {
      "": { items: [restUser()], cursor: "page-2" },
      "page-2": { items: [restDeletedUser(), { id: null }], cursor: "" },
    };
    answer = (request, response) => sendJson(response, 200, pages[request.query.get("cursor") ?? ""]);
    const seen: string[][] = [];
    let rejected = 0;
    for await (const page of client().listUsers()) {
      seen.push(page.users.map((user) => user.id));
      rejected += page.rejected.length;
    }
    expect(seen).toEqual([["5835806903417907"], ["5835806903417001"]]);
    expect(rejected).toBe(1);
    expect(server.requests.map((r) => r.url)).toEqual(["/api/v2/users?state=all", "/api/v2/users?state=all&cursor=page-2"]);
  });

  it("returns one call page with its cursor and quarantines a bad record instead of throwing", async () => {
    const broken = { call_id: "77", direction: "inbound" };
    answer = (_request, response) =>
      sendJson(response, 200, { items: [restAnsweredCall(), broken, webhookVoicemailCall()], cursor: "next-1" });
    const page = await client().listCalls({ startedAfter: 1767600000000, startedBefore: 1767686400000 });
    expect(page.calls.map((call) => call.call_id)).toEqual(["6112233445566778", "5635304278851584"]);
    expect(page.raw).toEqual([restAnsweredCall(), webhookVoicemailCall()]);
    expect(page.rejected).toEqual([{ raw: broken, issues: ["date_started: expected epoch milliseconds (string or number)"] }]);
    expect(page.cursor).toBe("next-1");
    const query = Object.fromEntries(server.requests[0]?.query ?? []);
    expect(query).toEqual({ started_after: "1767600000000", started_before: "1767686400000", limit: "100" });
  });

  it("passes the cursor back and reports the last page as cursor null", async () => {
    answer = (_request, response) => sendJson(response, 200, { items: [] });
    const page = await client().listCalls({ startedAfter: 1, startedBefore: 2, cursor: "abc", limit: 50 });
    expect(page).toEqual({ calls: [], raw: [], rejected: [], cursor: null });
    expect(server.requests[0]?.query.get("cursor")).toBe("abc");
    expect(server.requests[0]?.query.get("limit")).toBe("50");
  });

  it("reports a refused /call cursor as DialpadCursorExpiredError, and a bad first page as an ordinary 400", async () => {
    const expired = "Invalid value for cursor: the cursor has expired; list again without it.";
    answer = (_request, response) => sendJson(response, 400, dialpadErrorBody(400, expired, "invalid"));
    const error = await client().listCalls({ startedAfter: 1, startedBefore: 2, cursor: "old" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DialpadCursorExpiredError);
    expect(error).toBeInstanceOf(DialpadRequestError);
    expect(error).toMatchObject({ status: 400, dialpadMessage: expired });
    answer = (_request, response) => sendJson(response, 410, dialpadErrorBody(410, "Gone.", "gone"));
    await expect(client().listCalls({ startedAfter: 1, startedBefore: 2, cursor: "old" })).rejects.toBeInstanceOf(DialpadCursorExpiredError);
    answer = (_request, response) => sendJson(response, 400, dialpadErrorBody(400, "Invalid value for started_after.", "invalid"));
    const firstPage = await client().listCalls({ startedAfter: 1, startedBefore: 2 }).catch((e: unknown) => e);
    expect(firstPage).toBeInstanceOf(DialpadRequestError);
    expect(firstPage).not.toBeInstanceOf(DialpadCursorExpiredError);
  });

  it("keeps a numeric id beyond 2^53 exact when a REST body carries it as a JSON number", async () => {
    answer = (_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ items: [restAnsweredCall({ call_id: "@" })] }).replace('"@"', "18014398509481985"));
    };
    const page = await client().listCalls({ startedAfter: 1, startedBefore: 2 });
    expect(page.calls.map((call) => call.call_id)).toEqual(["18014398509481985"]);
  });

  it("throws DialpadResponseError for a malformed call or envelope", async () => {
    answer = (_request, response) => sendJson(response, 200, { items: "nope" });
    await expect(client().listCalls({ startedAfter: 1, startedBefore: 2 })).rejects.toBeInstanceOf(DialpadResponseError);
    answer = (_request, response) => sendJson(response, 200, { call_id: "1" });
    await expect(client().getCall("1")).rejects.toThrow("Dialpad returned an unexpected response for /call/1");
  });
});

describe("auth and permission errors", () => {
  it("on 401 refreshes exactly once, with the stale token, and retries with the new one", async () => {
    const stale: string[] = [];
    answer = (request, response) =>
      request.headers.authorization === "Bearer token-2"
        ? sendJson(response, 200, restCompany())
        : sendJson(response, 401, dialpadErrorBody(401, "Invalid token.", "unauthorized"));
    const dialpad = client({ onUnauthorized: async (token) => (stale.push(token), "token-2") });
    expect((await dialpad.getCompany()).id).toBe("4508591728425653");
    expect(stale).toEqual(["token-1"]);
    expect(dialpad.stats()).toMatchObject({ requests: 2, tokenRefreshes: 1, retries: 0 });
  });

  it("gives up after a second 401 with DialpadUnauthorizedError", async () => {
    answer = (_request, response) => sendJson(response, 401, {});
    let refreshes = 0;
    const error = await client({ onUnauthorized: async () => (refreshes++, "token-2") }).getCompany().catch((e) => e);
    expect(error).toBeInstanceOf(DialpadUnauthorizedError);
    expect(error.code).toBe("DIALPAD_DISCONNECTED");
    expect(refreshes).toBe(1);
    expect(server.requests).toHaveLength(2);
  });

  it("maps 403 and 404 to typed errors whose messages never contain the token", async () => {
    answer = (_request, response) =>
      sendJson(response, 403, dialpadErrorBody(403, "token-1 lacks scope calls:list", "forbidden"));
    const forbidden = await client().listCalls({ startedAfter: 1, startedBefore: 2 }).catch((e) => e);
    expect(forbidden).toBeInstanceOf(DialpadForbiddenError);
    expect(forbidden.dialpadMessage).toBe("[redacted] lacks scope calls:list");
    expect(JSON.stringify({ message: forbidden.message, ...forbidden })).not.toContain("token-1");

    answer = (_request, response) => sendJson(response, 404, dialpadErrorBody(404, "Call 9 not found.", "notFound"));
    await expect(client().getCall("9")).rejects.toBeInstanceOf(DialpadNotFoundError);
  });
});

describe("webhooks and subscriptions", () => {
  it("creates a webhook and a call subscription with the documented bodies", async () => {
    const webhook = { id: "1000", hook_url: "https://daymark.example.com/api/webhooks/dialpad", signature: { algo: "HS256", secret: "s", type: "jwt" } };
    answer = (request, response) =>
      sendJson(response, 200, request.path === "/api/v2/webhooks" ? webhook : { id: "1001", call_states: ["hangup", "voicemail"], enabled: true, webhook });
    const dialpad = client();
    expect((await dialpad.createWebhook({ hookUrl: webhook.hook_url, secret: "s" })).id).toBe("1000");
    const subscription = await dialpad.createCallSubscription({ webhookId: "1000", callStates: ["hangup", "voicemail"] });
    expect(subscription).toMatchObject({ id: "1001", enabled: true, webhook: { id: "1000" } });
    expect(server.requests.map((r) => [r.method, r.path, r.headers["content-type"], JSON.parse(r.body)])).toEqual([
      ["POST", "/api/v2/webhooks", "application/json", { hook_url: webhook.hook_url, secret: "s" }],
      ["POST", "/api/v2/subscriptions/call", "application/json", { endpoint_id: "1000", webhook_id: "1000", call_states: ["hangup", "voicemail"], enabled: true }],
    ]);
  });

  it("deletes idempotently: a webhook Dialpad no longer has counts as deleted", async () => {
    answer = (request, response) =>
      request.path.endsWith("/1000") ? sendJson(response, 200, { id: "1000", hook_url: "x" }) : sendJson(response, 404, {});
    const dialpad = client();
    await dialpad.deleteWebhook("1000");
    await dialpad.deleteCallSubscription("1001");
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "DELETE /api/v2/webhooks/1000",
      "DELETE /api/v2/subscriptions/call/1001",
    ]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDialpadClient, createRateLimiter, type DialpadClientOptions } from "./client";
import { DialpadTransientError } from "./errors";
import { systemClock } from "./retry";
import { createRecordingClock } from "./testing/fake-clock";
import { restCompany } from "./testing/fixtures";
import { dialpadErrorBody, sendJson, startLocalServer, type LocalServer } from "./testing/local-server";
import type { ServerResponse } from "node:http";

let server: LocalServer;
/** Answers for successive requests; the last one repeats. */
let script: ((response: ServerResponse) => void)[];

beforeEach(async () => {
  script = [];
  server = await startLocalServer((_request, response) => {
    const step = script[Math.min(server.requests.length - 1, script.length - 1)];
    step?.(response);
  });
});
afterEach(() => server.close());

const ok = (response: ServerResponse) => sendJson(response, 200, restCompany());
const status = (code: number, headers: Record<string, string> = {}) => (response: ServerResponse) =>
  sendJson(response, code, dialpadErrorBody(code, `HTTP ${code}`, code === 429 ? "rateLimitExceeded" : "backendError"), headers);

function client(overrides: Partial<DialpadClientOptions> = {}) {
  const clock = createRecordingClock();
  const dialpad = createDialpadClient({
    baseUrl: server.url,
    getAccessToken: async () => "token-1",
    onUnauthorized: async () => "token-2",
    // Its own fake clock: after a 429 it holds requests for Retry-After too, and its waits are not the client's.
    rateLimiter: createRateLimiter(10_000, { clock: createRecordingClock() }),
    clock,
    random: () => 0.5,
    ...overrides,
  });
  return { dialpad, sleeps: clock.sleeps, clock };
}

describe("429", () => {
  it("waits for Retry-After in seconds, then succeeds", async () => {
    script = [status(429, { "retry-after": "2" }), ok];
    const { dialpad, sleeps } = client();
    expect((await dialpad.getCompany()).id).toBe("4508591728425653");
    expect(sleeps).toEqual([2000]);
    expect(dialpad.stats()).toEqual({ requests: 2, retries: 1, rateLimited: 1, timeouts: 0, tokenRefreshes: 0 });
  });

  it("waits until a Retry-After HTTP-date", async () => {
    const inThreeSeconds = new Date(createRecordingClock().now() + 3000).toUTCString();
    script = [status(429, { "retry-after": inThreeSeconds }), ok];
    const { dialpad, sleeps } = client();
    await dialpad.getCompany();
    expect(sleeps).toEqual([3000]);
  });

  it("fails fast as RATE_LIMITED when Retry-After exceeds the cap, keeping the wait for the caller", async () => {
    script = [status(429, { "retry-after": "600" })];
    const { dialpad, sleeps } = client();
    const error = await dialpad.getCompany().catch((e) => e);
    expect(error).toBeInstanceOf(DialpadTransientError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 600_000, code: "RATE_LIMITED" });
    expect(sleeps).toEqual([]);
  });

  it("halves the shared limiter's pace after a 429 it did not cause (AIMD)", async () => {
    script = [status(429, { "retry-after": "0" }), ok];
    const rateLimiter = createRateLimiter(10_000);
    const { dialpad } = client({ rateLimiter });
    await dialpad.getCompany();
    expect(rateLimiter.currentRate()).toBeGreaterThanOrEqual(5_000);
    expect(rateLimiter.currentRate()).toBeLessThan(5_100);
  });

  it("retries a POST on 429 (Dialpad did not process it)", async () => {
    script = [status(429, { "retry-after": "1" }), (response) => sendJson(response, 200, { id: "1000", hook_url: "https://x" })];
    const { dialpad } = client();
    expect((await dialpad.createWebhook({ hookUrl: "https://x", secret: "s" })).id).toBe("1000");
    expect(server.requests).toHaveLength(2);
  });
});

describe("5xx, timeouts and network errors", () => {
  it("retries 5xx with exponential backoff and full jitter, then succeeds", async () => {
    script = [status(500), status(502), status(503), ok];
    const { dialpad, sleeps } = client();
    await dialpad.getCompany();
    // random() = 0.5 of 500, 1000, 2000 ms.
    expect(sleeps).toEqual([250, 500, 1000]);
    expect(dialpad.stats()).toMatchObject({ requests: 4, retries: 3, rateLimited: 0 });
  });

  it("throws DialpadTransientError after maxAttempts", async () => {
    script = [status(503)];
    const { dialpad } = client({ maxAttempts: 3 });
    const error = await dialpad.getCompany().catch((e) => e);
    expect(error).toBeInstanceOf(DialpadTransientError);
    expect(error.message).toBe("Dialpad answered GET /company with HTTP 503.");
    expect(server.requests).toHaveLength(3);
  });

  it("does not repeat a POST after a 5xx (it may have been applied)", async () => {
    script = [status(500)];
    const { dialpad } = client();
    await expect(dialpad.createWebhook({ hookUrl: "https://x", secret: "s" })).rejects.toBeInstanceOf(DialpadTransientError);
    expect(server.requests).toHaveLength(1);
  });

  it("aborts a hung request at the timeout and retries", async () => {
    const { dialpad, clock } = client({ timeoutMs: 150 });
    // The server holds the first request; instead of 150 ms passing, the clock says its time is up.
    script = [() => clock.expireTimeouts(), ok];
    expect((await dialpad.getCompany()).id).toBe("4508591728425653");
    expect(clock.timeouts).toEqual([150, 150]);
    expect(dialpad.stats()).toMatchObject({ requests: 2, retries: 1, timeouts: 1 });
  });

  it("gives up on a request that never answers once the real timer runs out", async () => {
    script = [() => undefined];
    const { dialpad } = client({ timeoutMs: 50, maxAttempts: 1, clock: systemClock });
    const error = await dialpad.getCompany().catch((e) => e);
    expect(error).toBeInstanceOf(DialpadTransientError);
    expect(error.message).toBe("Dialpad did not answer GET /company within 50 ms.");
    expect(dialpad.stats()).toMatchObject({ requests: 1, retries: 0, timeouts: 1 });
  });

  it("retries a dropped connection and an unreadable body", async () => {
    script = [
      (response) => response.socket?.destroy(),
      (response) => {
        response.writeHead(200, { "content-type": "application/json" });
        response.end('{"id": "45085917');
      },
      ok,
    ];
    const { dialpad } = client();
    expect((await dialpad.getCompany()).name).toBe("Example Inc");
    expect(dialpad.stats()).toMatchObject({ requests: 3, retries: 2 });
  });

  it("reports an unreachable Dialpad without leaking the token", async () => {
    await server.close();
    const { dialpad } = client({ maxAttempts: 2 });
    const error = await dialpad.getCompany().catch((e) => e);
    expect(error).toBeInstanceOf(DialpadTransientError);
    expect(error.message).toBe("Could not reach Dialpad for GET /company.");
    expect(JSON.stringify({ message: error.message, ...error })).not.toContain("token-1");
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { waitFor } from "@/tests/wait-for";
import type { RunningEmulator } from "./server";
import { call, exchangeCode, startTestEmulator, tokenFor } from "./testing/harness";
import { createVirtualClock } from "./testing/virtual-clock";

let emu: RunningEmulator;
let token: string;
// Injected hangs wait on virtual time.
const clock = createVirtualClock();
beforeAll(async () => {
  emu = await startTestEmulator({ extraCompanies: [{ domain: "other.test", users: 3 }] }, { clock });
});
afterAll(() => emu.close());
beforeEach(async () => {
  await call(emu, "/__admin/reset", { method: "POST", body: "{}" });
  token = await tokenFor(emu, "admin@acme.test", ["calls:list"]);
});

const fault = (spec: Record<string, unknown>) => call(emu, "/__admin/faults", { method: "POST", body: JSON.stringify(spec) });

// waitFor bounds each wait at 20 s; a test gets longer so that its message, not a bare timeout, reports a hang.
describe("fault injection", { timeout: 60_000 }, () => {
  it("5xx: fails matching requests `times` times with the given status", async () => {
    expect((await fault({ kind: "5xx", pathPrefix: "/api/v2/users", times: 2, status: 503 })).status).toBe(201);
    const first = await call(emu, "/api/v2/users", { token });
    expect([first.status, first.body.error.errors[0].reason]).toEqual([503, "backendError"]);
    expect((await call(emu, "/api/v2/company", { token })).status).toBe(200);
    expect((await call(emu, "/api/v2/users/me", { token })).status).toBe(503);
    expect((await call(emu, "/api/v2/users", { token })).status).toBe(200);
    expect((await call(emu, "/__admin/stats")).body.faultsInjected).toBe(2);
  });

  it("429: answers with Retry-After and a rateLimitExceeded body", async () => {
    await fault({ kind: "429", retryAfterSeconds: 7 });
    const res = await call(emu, "/api/v2/call", { token });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("7");
    expect(res.body.error.errors[0].reason).toBe("rateLimitExceeded");
  });

  it("hang: holds the response for delayMs (clients must time out)", async () => {
    await fault({ kind: "hang", pathPrefix: "/api/v2/company", delayMs: 400, times: 2 });
    const waitsBefore = clock.sleeps.length;
    const held = () => clock.pending() === 1;

    // A client that gives up ends the hold at once.
    const giveUp = new AbortController();
    const abandoned = fetch(`${emu.url}/api/v2/company`, { headers: { authorization: `Bearer ${token}` }, signal: giveUp.signal });
    await waitFor(held, { what: "the emulator to hold the first request" });
    giveUp.abort();
    await expect(abandoned).rejects.toThrow();
    await waitFor(() => clock.pending() === 0, { what: "the abandoned hold to end" });

    // A client that waits gets the real answer after delayMs, not before.
    const patient = call(emu, "/api/v2/company", { token });
    await waitFor(held, { what: "the emulator to hold the second request" });
    await clock.advance(399);
    expect(held()).toBe(true);
    await clock.advance(1);
    expect((await patient).status).toBe(200);
    expect(clock.sleeps.slice(waitsBefore)).toEqual([400, 400]);
  });

  it("malformed_json: sends a truncated body with the original status", async () => {
    await fault({ kind: "malformed_json", pathPrefix: "/api/v2/call" });
    const res = await fetch(`${emu.url}/api/v2/call`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow();
    expect(text.startsWith('{"items":[{"call_id":"')).toBe(true);
  });

  it("expire_tokens: access tokens stop working at once, refresh still works", async () => {
    const pair = await call(emu, "/__admin/tokens", { method: "POST", body: JSON.stringify({ user: "admin@acme.test" }) });
    const res = await fault({ kind: "expire_tokens" });
    expect(res.body).toEqual({ expired: 2 });
    expect((await call(emu, "/api/v2/users/me", { token: pair.body.access_token })).status).toBe(401);
    const refreshed = await exchangeCode(emu, { grant_type: "refresh_token", refresh_token: pair.body.refresh_token });
    expect((await call(emu, "/api/v2/users/me", { token: refreshed.body.access_token })).status).toBe(200);
  });

  it("invalid_grant: the next token request fails even with a good refresh token", async () => {
    const pair = await call(emu, "/__admin/tokens", { method: "POST", body: JSON.stringify({ user: "admin@acme.test" }) });
    await fault({ kind: "invalid_grant" });
    const failed = await exchangeCode(emu, { grant_type: "refresh_token", refresh_token: pair.body.refresh_token });
    expect([failed.status, failed.body.error]).toEqual([400, "invalid_grant"]);
    expect((await exchangeCode(emu, { grant_type: "refresh_token", refresh_token: pair.body.refresh_token })).status).toBe(200);
  });

  it("lists and clears faults, and rejects unknown kinds", async () => {
    await fault({ kind: "5xx", times: 5 });
    expect((await call(emu, "/__admin/faults")).body.items).toEqual([
      { id: 1, kind: "5xx", pathPrefix: "/", remaining: 5, status: 500, retryAfterSeconds: 1, delayMs: 30_000 },
    ]);
    expect((await call(emu, "/__admin/faults", { method: "DELETE" })).status).toBe(204);
    expect((await call(emu, "/api/v2/users", { token })).status).toBe(200);
    expect((await fault({ kind: "meteor" })).status).toBe(400);
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After once a company exceeds its requests per second", async () => {
    await call(emu, "/__admin/rate-limit", { method: "POST", body: JSON.stringify({ perSecond: 3 }) });
    const results = await Promise.all(Array.from({ length: 10 }, () => call(emu, "/api/v2/users/me", { token })));
    const limited = results.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(4);
    expect(limited[0]!.headers.get("retry-after")).toBe("1");
    expect(limited[0]!.body.error.errors[0].reason).toBe("rateLimitExceeded");
    expect((await call(emu, "/__admin/stats")).body.rateLimited).toBe(limited.length);
    const other = await tokenFor(emu, "admin@other.test");
    expect((await call(emu, "/api/v2/users/me", { token: other })).status).toBe(200);
  });
});

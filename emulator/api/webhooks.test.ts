import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../server";
import { call, startTestEmulator, tokenFor } from "../testing/harness";

let emu: RunningEmulator;
let token: string;
let otherToken: string;
beforeAll(async () => {
  emu = await startTestEmulator({ extraCompanies: [{ domain: "other.test", users: 3 }] });
  token = await tokenFor(emu, "admin@acme.test");
  otherToken = await tokenFor(emu, "admin@other.test");
});
afterAll(() => emu.close());

const post = (path: string, body: unknown, t = token) => call(emu, path, { method: "POST", token: t, body: JSON.stringify(body) });
const patch = (path: string, body: unknown) => call(emu, path, { method: "PATCH", token, body: JSON.stringify(body) });

describe("/api/v2/webhooks", () => {
  it("creates, reads, updates, lists and deletes a webhook", async () => {
    const created = await post("/api/v2/webhooks", { hook_url: "https://example.test/hook", secret: "s3cret" });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({ id: expect.stringMatching(/^\d{16}$/), hook_url: "https://example.test/hook", signature: { algo: "HS256", secret: "s3cret", type: "jwt" } });
    const id = created.body.id;
    expect((await call(emu, `/api/v2/webhooks/${id}`, { token })).body).toEqual(created.body);
    const updated = await patch(`/api/v2/webhooks/${id}`, { hook_url: "https://example.test/v2", secret: null });
    expect(updated.body.hook_url).toBe("https://example.test/v2");
    expect(updated.body.signature).toEqual({ algo: "HS256", secret: "", type: "jwt" });
    expect((await call(emu, "/api/v2/webhooks", { token })).body.items.map((h: { id: string }) => h.id)).toContain(id);
    const deleted = await call(emu, `/api/v2/webhooks/${id}`, { method: "DELETE", token });
    expect(deleted.body.id).toBe(id);
    expect((await call(emu, `/api/v2/webhooks/${id}`, { token })).status).toBe(404);
  });

  it("validates the body", async () => {
    expect((await post("/api/v2/webhooks", {})).body.error.message).toBe("Invalid hook_url: Invalid input: expected string, received undefined.");
    expect((await post("/api/v2/webhooks", { hook_url: "ftp://x" })).status).toBe(400);
    expect((await post("/api/v2/webhooks", { hook_url: "https://x.test", secret: "two\nlines" })).status).toBe(400);
    const raw = await call(emu, "/api/v2/webhooks", { method: "POST", token, body: "{not json" });
    expect(raw.status).toBe(400);
    expect(raw.body.error.errors[0].reason).toBe("badRequest");
  });

  it("keeps companies apart", async () => {
    const mine = await post("/api/v2/webhooks", { hook_url: "https://example.test/a" });
    expect((await call(emu, `/api/v2/webhooks/${mine.body.id}`, { token: otherToken })).status).toBe(404);
    expect((await call(emu, "/api/v2/webhooks", { token: otherToken })).body.items).toEqual([]);
  });
});

describe("/api/v2/subscriptions/call", () => {
  it("creates with endpoint_id and embeds the webhook", async () => {
    const hook = await post("/api/v2/webhooks", { hook_url: "https://example.test/calls", secret: "k" });
    const sub = await post("/api/v2/subscriptions/call", { endpoint_id: hook.body.id, call_states: ["connected", "hangup"] });
    expect(sub.status).toBe(200);
    expect(sub.body).toEqual({
      id: expect.stringMatching(/^\d{16}$/), call_states: ["connected", "hangup"], enabled: true, group_calls_only: false, webhook: hook.body,
    });
  });

  it("accepts the older webhook_id name (number or string) and a target scope", async () => {
    const hook = await post("/api/v2/webhooks", { hook_url: "https://example.test/t" });
    const user = emu.state.data.companies[0]!.users[2]!;
    const sub = await post("/api/v2/subscriptions/call", { webhook_id: Number(hook.body.id), target_type: "user", target_id: user.id });
    expect([sub.status, sub.body.target_type, sub.body.target_id, sub.body.call_states]).toEqual([200, "user", user.id, []]);
    const filtered = await call(emu, `/api/v2/subscriptions/call?target_type=user&target_id=${user.id}`, { token });
    expect(filtered.body.items.map((s: { id: string }) => s.id)).toEqual([sub.body.id]);
  });

  it("updates, fetches and deletes a subscription", async () => {
    const hook = await post("/api/v2/webhooks", { hook_url: "https://example.test/u" });
    const sub = await post("/api/v2/subscriptions/call", { endpoint_id: hook.body.id });
    const updated = await patch(`/api/v2/subscriptions/call/${sub.body.id}`, { enabled: false, call_states: ["all"] });
    expect([updated.body.enabled, updated.body.call_states]).toEqual([false, ["all"]]);
    expect((await call(emu, `/api/v2/subscriptions/call/${sub.body.id}`, { token })).body).toEqual(updated.body);
    expect((await call(emu, `/api/v2/subscriptions/call/${sub.body.id}`, { method: "DELETE", token })).body.id).toBe(sub.body.id);
    expect((await call(emu, `/api/v2/subscriptions/call/${sub.body.id}`, { token })).status).toBe(404);
  });

  it("rejects missing or unknown endpoints, bad states and unknown targets", async () => {
    expect((await post("/api/v2/subscriptions/call", { call_states: ["hangup"] })).status).toBe(400);
    expect((await post("/api/v2/subscriptions/call", { endpoint_id: "6100000000000000" })).status).toBe(404);
    const hook = await post("/api/v2/webhooks", { hook_url: "https://example.test/v" });
    expect((await post("/api/v2/subscriptions/call", { endpoint_id: hook.body.id, call_states: ["dancing"] })).status).toBe(400);
    expect((await post("/api/v2/subscriptions/call", { endpoint_id: hook.body.id, target_type: "user", target_id: "1" })).status).toBe(404);
    expect((await post("/api/v2/subscriptions/call", { endpoint_id: hook.body.id, target_type: "user" })).status).toBe(400);
  });

  it("deleting a webhook removes the subscriptions that used it", async () => {
    const hook = await post("/api/v2/webhooks", { hook_url: "https://example.test/w" });
    const sub = await post("/api/v2/subscriptions/call", { endpoint_id: hook.body.id });
    await call(emu, `/api/v2/webhooks/${hook.body.id}`, { method: "DELETE", token });
    expect((await call(emu, `/api/v2/subscriptions/call/${sub.body.id}`, { token })).status).toBe(404);
  });
});

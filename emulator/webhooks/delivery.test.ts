import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { jwtVerify } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { waitFor } from "@/tests/wait-for";
import type { RunningEmulator } from "../server";
import { call, startTestEmulator, tokenFor } from "../testing/harness";
import { createVirtualClock } from "../testing/virtual-clock";

interface Received {
  contentType: string;
  body: string;
}

let emu: RunningEmulator;
let receiver: Server;
let hookUrl: string;
let token: string;
let received: Received[] = [];
let statuses: number[] = [];
// Live calls' events and the waits between retries (30, 60, 90 ms) run on virtual time.
const clock = createVirtualClock();
let waitsBefore = 0;
const waitsSinceTestStart = () => clock.sleeps.slice(waitsBefore);

beforeAll(async () => {
  emu = await startTestEmulator({}, { clock });
  token = await tokenFor(emu, "admin@acme.test");
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      received.push({ contentType: req.headers["content-type"] ?? "", body });
      res.writeHead(statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  await emu.close();
  await new Promise((r) => receiver.close(r));
});
beforeEach(async () => {
  await call(emu, "/__admin/reset", { method: "POST", body: "{}" });
  token = await tokenFor(emu, "admin@acme.test");
  received = [];
  statuses = [];
  waitsBefore = clock.sleeps.length;
});

/** Moves virtual time on, wait by wait, until every event is delivered and every retry is over. */
async function deliverAll(): Promise<void> {
  await waitFor(
    async () => {
      if (clock.pending() > 0) await clock.advanceToNext();
      return emu.state.dispatcher.isIdle;
    },
    { what: "every webhook event and retry to be delivered" },
  );
}

async function subscribe(opts: { secret?: string; call_states?: string[]; target?: { type: string; id: string } } = {}) {
  const hook = await call(emu, "/api/v2/webhooks", { method: "POST", token, body: JSON.stringify({ hook_url: hookUrl, secret: opts.secret }) });
  const body = { endpoint_id: hook.body.id, call_states: opts.call_states, target_type: opts.target?.type, target_id: opts.target?.id };
  await call(emu, "/api/v2/subscriptions/call", { method: "POST", token, body: JSON.stringify(body) });
}

const addCall = async (spec: Record<string, unknown>) =>
  (await call(emu, "/__admin/calls", { method: "POST", body: JSON.stringify({ user: "admin@acme.test", ...spec }) })).body.items;

async function decodeAll(secret: string): Promise<Array<Record<string, unknown>>> {
  const key = new TextEncoder().encode(secret);
  const events = await Promise.all(received.map(async (r) => (await jwtVerify(r.body, key, { algorithms: ["HS256"] })).payload));
  return events.sort((a, b) => Number(a.event_timestamp) - Number(b.event_timestamp));
}

// waitFor bounds each wait at 20 s; a test gets longer so that its message, not a bare timeout, reports a hang.
describe("call event webhooks", { timeout: 60_000 }, () => {
  it("sends each state as an HS256 JWT (application/jwt) whose payload is the call with numeric ids", async () => {
    await subscribe({ secret: "hook-secret" });
    const [leg] = await addCall({ kind: "answered", direction: "inbound" });
    await deliverAll();
    expect(received.map((r) => r.contentType)).toEqual(["application/jwt", "application/jwt", "application/jwt"]);
    const events = await decodeAll("hook-secret");
    expect(events.map((e) => e.state)).toEqual(["ringing", "connected", "hangup"]);
    const hangup = events[2]!;
    expect(hangup.call_id).toBe(Number(leg.call_id));
    expect(hangup.date_ended).toBe(Number(leg.date_ended));
    expect(hangup.event_timestamp).toBe(Number(leg.date_ended));
    expect((hangup.target as { id: string }).id).toBe(leg.target.id);
    expect(events[0]!.date_connected).toBeNull();
    expect(events[0]!.date_ended).toBeNull();
    await expect(jwtVerify(received[0]!.body, new TextEncoder().encode("wrong"))).rejects.toThrow();
  });

  it("sends plain JSON when the webhook has no secret, only for the subscribed states", async () => {
    await subscribe({ call_states: ["hangup", "missed"] });
    await addCall({ kind: "missed" });
    await deliverAll();
    expect(received.map((r) => r.contentType)).toEqual(["application/json", "application/json"]);
    expect(received.map((r) => JSON.parse(r.body).state).sort()).toEqual(["hangup", "missed"]);
  });

  it("sends voicemail events for a voicemail leg", async () => {
    await subscribe({ secret: "s" });
    await addCall({ kind: "voicemail" });
    await deliverAll();
    const events = await decodeAll("s");
    expect(events.map((e) => e.state)).toEqual(["ringing", "voicemail", "hangup", "voicemail_uploaded"]);
    expect(events[3]!.voicemail_link).toMatch(/^https:\/\//);
  });

  it("only delivers calls of the subscribed target", async () => {
    const other = emu.state.data.companies[0]!.callingUsers[2]!;
    await subscribe({ target: { type: "user", id: other.id } });
    await addCall({ kind: "answered" });
    await addCall({ user: other.email, kind: "missed" });
    await deliverAll();
    expect(received.map((r) => JSON.parse(r.body).target.id)).toEqual([other.id, other.id, other.id]);
  });

  it("retries 5xx after the configured delays and stops at the first success", async () => {
    await subscribe({ call_states: ["hangup"] });
    statuses = [503, 500];
    await addCall({ kind: "answered" });
    await deliverAll();
    expect(received).toHaveLength(3);
    expect(waitsSinceTestStart()).toEqual([30, 60]);
    const stats = (await call(emu, "/__admin/stats")).body.webhookDeliveries;
    expect(stats).toEqual({ attempts: 3, delivered: 1, failed: 0, retries: 2 });
  });

  it("gives up after the last retry, and never retries a 4xx", async () => {
    await subscribe({ call_states: ["hangup"] });
    statuses = [502, 502, 502, 502];
    await addCall({ kind: "answered" });
    await deliverAll();
    expect(received).toHaveLength(4);
    expect(waitsSinceTestStart()).toEqual([30, 60, 90]);
    statuses = [429];
    await addCall({ kind: "answered" });
    await deliverAll();
    expect(received).toHaveLength(5);
    expect(waitsSinceTestStart()).toEqual([30, 60, 90]);
    expect((await call(emu, "/__admin/stats")).body.webhookDeliveries).toEqual({ attempts: 5, delivered: 0, failed: 2, retries: 3 });
  });

  it("retries connection errors the same way", async () => {
    const hook = await call(emu, "/api/v2/webhooks", { method: "POST", token, body: JSON.stringify({ hook_url: "http://127.0.0.1:9/closed" }) });
    await call(emu, "/api/v2/subscriptions/call", { method: "POST", token, body: JSON.stringify({ endpoint_id: hook.body.id, call_states: ["hangup"] }) });
    await addCall({ kind: "answered" });
    await deliverAll();
    expect(waitsSinceTestStart()).toEqual([30, 60, 90]);
    expect((await call(emu, "/__admin/stats")).body.webhookDeliveries).toEqual({ attempts: 4, delivered: 0, failed: 1, retries: 3 });
  });

  it("fires events at their real time for a call that is still going on", async () => {
    await subscribe({ call_states: ["connected", "hangup"] });
    // A live call rings 300 ms after it starts: connected at +400 ms (ring_ms 100), hangup at +600 ms (talk_ms 200).
    await addCall({ started_at: clock.now(), ring_ms: 100, talk_ms: 200 });
    expect(waitsSinceTestStart()).toEqual([300, 400, 600]);
    const attempts = async () => (await call(emu, "/__admin/stats")).body.webhookDeliveries.attempts;
    await clock.advance(399);
    expect(await attempts()).toBe(0);
    await clock.advance(1);
    await waitFor(() => received.length === 1, { what: "the connected event at +400 ms" });
    await clock.advance(199);
    expect(await attempts()).toBe(1);
    await clock.advance(1);
    await deliverAll();
    expect(received.map((r) => JSON.parse(r.body).state)).toEqual(["connected", "hangup"]);
  });
});

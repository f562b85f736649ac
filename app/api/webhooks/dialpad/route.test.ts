import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { getCallByDialpadId } from "@/db/queries/calls";
import { getWebhookToken } from "@/db/queries/sync";
import { listWebhookEvents } from "@/db/queries/webhook-inbox";
import type { RunningEmulator } from "@/emulator/server";
import { processWebhookInbox } from "@/lib/services/sync/process-webhook-inbox";
import { createConnectedOrganization, fastClientFactory, rowToCallLeg, startSyncEmulator } from "@/lib/services/sync/testing/harness";
import { callEvent, signEvent, storedWebhookSecret } from "@/lib/services/sync/testing/webhook-harness";
import { registerDialpadWebhook } from "@/lib/services/sync/webhook-registration";
import { createTestDb } from "@/tests/db";
import { POST } from "./route";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startSyncEmulator();
});
afterAll(() => emulator.close());

let db: Db;
let organizationId: number;
let token: string;
let secret: string;

beforeEach(async () => {
  db = await createTestDb();
  (globalThis as unknown as { daymarkDb?: Db }).daymarkDb = db;
  organizationId = await createConnectedOrganization(db, emulator);
  await registerDialpadWebhook(db, organizationId, { client: fastClientFactory(emulator.url)(db, organizationId) });
  token = (await getWebhookToken(db, organizationId))!;
  secret = await storedWebhookSecret(db, organizationId);
});

async function deliver(body: string, orgToken: string | null = token) {
  const url = `http://localhost/api/webhooks/dialpad${orgToken === null ? "" : `?org=${orgToken}`}`;
  const response = await POST(new Request(url, { method: "POST", headers: { "content-type": "application/jwt" }, body }));
  await processWebhookInbox(db, organizationId);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const inboxSize = async () => (await listWebhookEvents(db, organizationId)).length;
const storedLeg = async (callId: number) => {
  const row = await getCallByDialpadId(db, organizationId, String(callId));
  return row && { ...rowToCallLeg(row), raw: JSON.parse(row.raw) as Record<string, unknown>, updatedAt: row.updatedAt };
};

describe("POST /api/webhooks/dialpad", () => {
  it("accepts a signed event, stores it in the inbox and applies it to the call", async () => {
    const event = callEvent(9001, "hangup", 1_750_000_065_000);
    expect(await deliver(await signEvent(event, secret))).toEqual({ status: 200, body: { ok: true } });
    expect(await inboxSize()).toBe(1);
    expect(await storedLeg(9001)).toMatchObject({
      dialpadCallId: "9001", state: "hangup", direction: "inbound", dialpadUserId: "5835806903417907",
      startedAt: 1_750_000_000_000, connectedAt: 1_750_000_005_000, endedAt: 1_750_000_065_000, raw: event,
    });
  });

  it("refuses a forged signature, a wrong algorithm and alg none with 401, storing nothing", async () => {
    const event = callEvent(9002, "hangup", 1_750_000_065_000);
    expect((await deliver(await signEvent(event, "not-the-secret"))).status).toBe(401);
    expect((await deliver(await signEvent(event, secret, "HS512"))).status).toBe(401);
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString("base64url")}.${Buffer.from(JSON.stringify(event)).toString("base64url")}.`;
    expect((await deliver(unsigned)).status).toBe(401);
    expect(await inboxSize()).toBe(0);
    expect(await storedLeg(9002)).toBeUndefined();
  });

  it("answers 400 to garbage, 413 to an oversized body and 404 to an unknown hook, without a 500", async () => {
    expect((await deliver("not a jwt")).status).toBe(400);
    expect((await deliver("")).status).toBe(400);
    expect((await deliver(await signEvent({ hello: "world" }, secret))).status).toBe(400);
    expect((await deliver("a".repeat(300 * 1024))).status).toBe(413);
    expect((await deliver(await signEvent(callEvent(9003, "hangup", 1), secret), "x".repeat(32))).status).toBe(404);
    expect((await deliver(await signEvent(callEvent(9003, "hangup", 1), secret), null)).status).toBe(404);
    expect(await inboxSize()).toBe(0);
  });

  it("treats a replayed or duplicated delivery as a no-op that still answers 200", async () => {
    const body = await signEvent(callEvent(9004, "hangup", 1_750_000_065_000), secret);
    await deliver(body);
    const before = await storedLeg(9004);
    expect(await deliver(body)).toEqual({ status: 200, body: { ok: true } });
    expect(await deliver(body)).toEqual({ status: 200, body: { ok: true } });
    expect(await inboxSize()).toBe(1);
    expect(await storedLeg(9004)).toEqual(before);
  });

  it("converges to the same row whatever order the events arrive in", async () => {
    const states: [string, number][] = [["ringing", 1_750_000_000_300], ["connected", 1_750_000_005_000], ["hangup", 1_750_000_065_000]];
    for (const [state, at] of states) await deliver(await signEvent(callEvent(9005, state, at), secret));
    for (const [state, at] of [states[2]!, states[0]!, states[1]!]) await deliver(await signEvent(callEvent(9006, state, at), secret));
    const inOrder = await storedLeg(9005);
    const shuffled = await storedLeg(9006);
    expect(inOrder?.state).toBe("hangup");
    expect({ ...shuffled, dialpadCallId: "9005", raw: { ...shuffled!.raw, call_id: 9005 }, updatedAt: 0 }).toEqual({ ...inOrder, updatedAt: 0 });
  });

  it("breaks a tie between events with the same timestamp the same way in either order", async () => {
    const a = callEvent(9007, "hangup", 1_750_000_065_000);
    const b = callEvent(9007, "missed", 1_750_000_065_000, { date_connected: null });
    await deliver(await signEvent(a, secret));
    await deliver(await signEvent(b, secret));
    const first = await storedLeg(9007);
    await deliver(await signEvent({ ...b, call_id: 9008 }, secret));
    await deliver(await signEvent({ ...a, call_id: 9008 }, secret));
    const second = await storedLeg(9008);
    expect(second?.state).toBe(first?.state);
    expect({ ...second!.raw, call_id: 9007 }).toEqual(first!.raw);
  });
});

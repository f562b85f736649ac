import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { getCallByDialpadId } from "@/db/queries/calls";
import { listWebhookEvents } from "@/db/queries/webhook-inbox";
import { processWebhookInbox } from "@/lib/services/sync/process-webhook-inbox";
import { callEvent, signEvent, setUpWebhookOrganization } from "@/lib/services/sync/testing/webhook-harness";
import { startWebhookListener } from "./listener";

let db: Db;
let organizationId: number;
let token: string;
let secret: string;
let server: Server;
let base: string;

beforeEach(async () => {
  ({ db, organizationId, token, secret } = await setUpWebhookOrganization());
  server = await startWebhookListener(0, "127.0.0.1");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function post(body: string, path = `/api/webhooks/dialpad?org=${token}`) {
  const response = await fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/jwt" }, body });
  return { status: response.status, body: (await response.json()) as unknown };
}

describe("the dedicated webhook listener (DAYMARK_WEBHOOK_PORT)", () => {
  it("stores and applies a signed event like the route, and answers a repeated delivery with 200 without storing it twice", async () => {
    const body = await signEvent(callEvent(9101, "hangup", 1_750_000_065_000), secret);
    expect(await post(body)).toEqual({ status: 200, body: { ok: true } });
    expect(await post(body)).toEqual({ status: 200, body: { ok: true } });
    await processWebhookInbox(db, organizationId);
    expect((await listWebhookEvents(db, organizationId)).map((event) => event.processedAt !== null)).toEqual([true]);
    expect((await getCallByDialpadId(db, organizationId, "9101"))?.state).toBe("hangup");
  });

  it("answers 401 to a forged event, 404 to an unknown hook, 413 to an oversized body, storing nothing", async () => {
    const event = callEvent(9102, "hangup", 1_750_000_065_000);
    expect(await post(await signEvent(event, "not-the-secret"))).toEqual({ status: 401, body: { error: "Invalid signature." } });
    expect(await post(await signEvent(event, secret), `/api/webhooks/dialpad?org=${"x".repeat(32)}`)).toEqual({ status: 404, body: { error: "Unknown webhook." } });
    expect(await post("a".repeat(300 * 1024))).toEqual({ status: 413, body: { error: "Body is larger than 256 KB." } });
    expect(await listWebhookEvents(db, organizationId)).toEqual([]);
  });

  it("serves nothing but POST on the webhook path", async () => {
    const body = await signEvent(callEvent(9103, "hangup", 1_750_000_065_000), secret);
    expect(await post(body, `/login?org=${token}`)).toEqual({ status: 404, body: { error: "Not found." } });
    const get = await fetch(`${base}/api/webhooks/dialpad?org=${token}`);
    expect([get.status, get.headers.get("allow")]).toEqual([405, "POST"]);
    expect(await listWebhookEvents(db, organizationId)).toEqual([]);
  });
});

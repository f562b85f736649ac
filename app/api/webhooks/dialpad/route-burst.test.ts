import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { listOrganizationCalls } from "@/db/queries/calls";
import * as inbox from "@/db/queries/webhook-inbox";
import { processWebhookInbox } from "@/lib/services/sync/process-webhook-inbox";
import { callEvent, signEvent, setUpWebhookOrganization } from "@/lib/services/sync/testing/webhook-harness";
import { POST } from "./route";

// A burst as Dialpad sends it during a busy hour: many deliveries at once, some of them retries of an
// event already delivered. The intake writes them together (group commit) and applies them later.

let db: Db;
let organizationId: number;
let token: string;
let secret: string;

beforeEach(async () => {
  ({ db, organizationId, token, secret } = await setUpWebhookOrganization());
});
afterEach(() => vi.restoreAllMocks());

const deliver = (body: string) =>
  POST(new Request(`http://localhost/api/webhooks/dialpad?org=${token}`, { method: "POST", headers: { "content-type": "application/jwt" }, body }));

async function signedBurst(calls: number): Promise<string[]> {
  const events: string[] = [];
  for (let i = 0; i < calls; i++) {
    const callId = 880_000 + i;
    events.push(await signEvent(callEvent(callId, "connected", 1_750_000_005_000 + i), secret));
    events.push(await signEvent(callEvent(callId, "hangup", 1_750_000_065_000 + i), secret));
  }
  return events;
}

async function stored(): Promise<{ events: number; applied: number; calls: number; hungUp: number }> {
  const events = await inbox.listWebhookEvents(db, organizationId);
  const calls = await listOrganizationCalls(db, organizationId);
  return {
    events: events.length,
    applied: events.filter((event) => event.processedAt !== null).length,
    calls: calls.length,
    hungUp: calls.filter((call) => call.state === "hangup").length,
  };
}

describe("POST /api/webhooks/dialpad under a burst", () => {
  it("applies each of 240 events exactly once when they arrive together with 40 retried deliveries", async () => {
    const events = await signedBurst(120);
    const retries = events.filter((_, index) => index % 6 === 0);
    const writes = vi.spyOn(inbox, "insertWebhookEvents");
    const responses = await Promise.all([...events, ...retries].map(deliver));
    expect(responses.map((response) => response.status)).toEqual(new Array(280).fill(200));
    // Group commit: the 280 deliveries took far fewer inbox transactions than one each.
    expect(writes.mock.calls.length).toBeLessThan(20);
    await processWebhookInbox(db, organizationId);
    expect(await stored()).toEqual({ events: 240, applied: 240, calls: 120, hungUp: 120 });
    // A retry that arrives after its event was applied changes nothing either.
    expect((await Promise.all(retries.map(deliver))).every((response) => response.status === 200)).toBe(true);
    expect((await processWebhookInbox(db, organizationId)).events).toBe(0);
    expect(await stored()).toEqual({ events: 240, applied: 240, calls: 120, hungUp: 120 });
  });

  it("answers 500 to every delivery whose write failed, so Dialpad sends them again, and stores them on the retry", async () => {
    const events = await signedBurst(5);
    vi.spyOn(inbox, "insertWebhookEvents").mockRejectedValue(new Error("disk full"));
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const first = await Promise.all(events.map(deliver));
    expect(first.map((response) => response.status)).toEqual(new Array(10).fill(500));
    expect((await stored()).events).toBe(0);
    vi.mocked(inbox.insertWebhookEvents).mockRestore();
    expect((await Promise.all(events.map(deliver))).map((response) => response.status)).toEqual(new Array(10).fill(200));
    await processWebhookInbox(db, organizationId);
    expect(await stored()).toEqual({ events: 10, applied: 10, calls: 5, hungUp: 5 });
  });
});

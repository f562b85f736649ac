import { describe, expect, it } from "vitest";
import { assessWebhookHealth, type WebhookSignals } from "./webhook-health";
import { chooseIncrementalRange } from "./windows";

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;
const now = Date.UTC(2026, 2, 11, 15); // Wednesday 11:00 in New York

describe("chooseIncrementalRange", () => {
  const base = { now, fullWindowMs: 48 * hourMs, backfillStart: now - 30 * dayMs, coveredUntil: now - 5 * 60_000 };

  it.each([
    ["healthy webhooks, full read 3 h ago", { isWebhookHealthy: true, lastFullReadAt: now - 3 * hourMs }, now - 5 * 60_000 - 2 * hourMs, false],
    ["healthy webhooks, full read 24 h ago", { isWebhookHealthy: true, lastFullReadAt: now - dayMs }, now - 5 * 60_000 - 48 * hourMs, true],
    ["healthy webhooks, never a full read", { isWebhookHealthy: true, lastFullReadAt: null }, now - 5 * 60_000 - 48 * hourMs, true],
    ["unhealthy webhooks, full read 3 h ago", { isWebhookHealthy: false, lastFullReadAt: now - 3 * hourMs }, now - 5 * 60_000 - 48 * hourMs, true],
  ] as const)("%s", (_, signals, rangeStart, isFull) => {
    expect(chooseIncrementalRange({ ...base, ...signals })).toEqual({ rangeStart, rangeEnd: now, isFull });
  });

  it("reads back from the end of the last run after an outage, and never before the backfill start", () => {
    const healthy = { isWebhookHealthy: true, lastFullReadAt: now - hourMs };
    expect(chooseIncrementalRange({ ...base, ...healthy, coveredUntil: now - 10 * hourMs }).rangeStart).toBe(now - 12 * hourMs);
    expect(chooseIncrementalRange({ ...base, ...healthy, backfillStart: now - hourMs }).rangeStart).toBe(now - hourMs);
  });

  it("never reads more than the full window when the trailing window setting is under 2 hours", () => {
    const range = chooseIncrementalRange({ ...base, fullWindowMs: hourMs, coveredUntil: now, isWebhookHealthy: true, lastFullReadAt: now - hourMs });
    expect(range).toEqual({ rangeStart: now - hourMs, rangeEnd: now, isFull: false });
  });
});

describe("assessWebhookHealth", () => {
  const healthy: WebhookSignals = {
    now,
    isRegistered: true,
    lastEventAt: now - 30 * 60_000,
    connectedAt: now - 30 * dayMs,
    lastDeliveryErrorAt: null,
    hasShortReadFoundMissedCalls: false,
    timeZone: "America/New_York",
    workWeek: [1, 2, 3, 4, 5],
  };

  it.each([
    ["no webhook registered", { isRegistered: false }, { isHealthy: false, reason: "no webhook registered" }],
    ["a delivery refused 23 h ago", { lastDeliveryErrorAt: now - 23 * hourMs }, { isHealthy: false, reason: "a webhook delivery failed" }],
    ["a delivery refused 25 h ago", { lastDeliveryErrorAt: now - 25 * hourMs }, { isHealthy: true }],
    ["a short read found missed calls", { hasShortReadFoundMissedCalls: true }, { isHealthy: false, reason: "a re-read found calls webhooks missed" }],
    ["2 h without events on a Wednesday at 11:00", { lastEventAt: now - 2 * hourMs }, { isHealthy: false, reason: "no webhook event for 2 hours during working hours" }],
    ["2 h without events on a Wednesday at 08:00", { now: now - 3 * hourMs, lastEventAt: now - 5 * hourMs }, { isHealthy: true }],
    ["2 h without events on a Saturday at 11:00", { now: now + 3 * dayMs, lastEventAt: now + 3 * dayMs - 5 * hourMs }, { isHealthy: true }],
    ["no event yet, connected 3 h ago", { lastEventAt: null, connectedAt: now - 3 * hourMs }, { isHealthy: false, reason: "no webhook event for 2 hours during working hours" }],
  ] as const)("%s", (_, change, health) => {
    expect(assessWebhookHealth({ ...healthy, ...change })).toEqual(health);
  });
});

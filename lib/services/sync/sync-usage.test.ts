import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@/emulator/server";
import { createRateLimiter } from "@/lib/integrations/dialpad/client";
import { createRecordingClock } from "@/lib/integrations/dialpad/testing/fake-clock";
import { createTestDb } from "@/tests/db";
import { executeSyncRun, type SyncRunOptions } from "./execute-sync-run";
import { getSyncOverview } from "./get-sync-overview";
import { createSyncRun } from "./plan-run";
import { admin, anchor, createConnectedOrganization, dayMs, emulatorCalls, expectedPageCount, fastClientFactory, startSyncEmulator } from "./testing/harness";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startSyncEmulator();
});
afterAll(() => emulator.close());
beforeEach(async () => {
  await fetch(`${emulator.url}/__admin/faults`, { method: "DELETE" });
});

const rangeStart = anchor - 3 * dayMs;
const pageSize = 10;
const listingRequests = async () => (await admin<{ requests: Record<string, number> }>(emulator, "/stats")).requests["GET /api/v2/call"] ?? 0;
const fault = (spec: Record<string, unknown>) => admin(emulator, "/faults", { pathPrefix: "/api/v2/call", ...spec });

async function setUpBackfill() {
  const db = await createTestDb();
  const organizationId = await createConnectedOrganization(db, emulator);
  const run = (await createSyncRun(db, organizationId, { kind: "backfill", trigger: "connect", rangeStart, rangeEnd: anchor, now: anchor }))!;
  const options: SyncRunOptions = {
    createClient: fastClientFactory(emulator.url, { clock: createRecordingClock(), rateLimiter: createRateLimiter(100_000, { clock: createRecordingClock() }) }),
    pageSize,
    commitRows: 1,
    refreshUsers: false,
    pageRetryDelayMs: 5,
    sleep: async () => undefined,
  };
  return { db, organizationId, runId: run.id, options, viewer: { organizationId, userId: 1, name: "Ada", role: "admin" as const } };
}

describe("a sync run's Dialpad requests", { timeout: 60_000 }, () => {
  it("counts every request Dialpad received, and 503s retried to success as retries, not errors", async () => {
    const { db, organizationId, runId, options, viewer } = await setUpBackfill();
    await fault({ kind: "5xx", status: 503, times: 2 });
    const before = await listingRequests();
    const finished = (await executeSyncRun(db, { organizationId, runId }, options))!;
    const received = (await listingRequests()) - before;
    const pages = expectedPageCount(await emulatorCalls(emulator, rangeStart, anchor), rangeStart, anchor, pageSize);

    expect(received).toBe(pages + 2);
    expect(finished).toMatchObject({ status: "succeeded", requestCount: received, retryCount: 2, errorCount: 0 });
    expect(finished.busyMs).toBeGreaterThan(0);
    const [shown] = (await getSyncOverview(db, viewer)).recentRuns;
    expect(shown).toMatchObject({ requestCount: received, retryCount: 2, errorCount: 0 });
  });

  it("counts a failure that stopped the run as one error, and keeps the first attempt's requests when it resumes", async () => {
    const { db, organizationId, runId, options } = await setUpBackfill();
    await fault({ kind: "5xx", status: 502, times: 10 });
    const before = await listingRequests();
    // Two page attempts of five requests each: all ten answered 502.
    const failed = (await executeSyncRun(db, { organizationId, runId }, { ...options, maxPageAttempts: 2 }))!;
    expect(failed).toMatchObject({ status: "failed", requestCount: 10, retryCount: 9, errorCount: 1 });

    const resumed = (await executeSyncRun(db, { organizationId, runId }, options))!;
    const received = (await listingRequests()) - before;
    const pages = expectedPageCount(await emulatorCalls(emulator, rangeStart, anchor), rangeStart, anchor, pageSize);
    expect(received).toBe(pages + 10);
    expect(resumed).toMatchObject({ status: "succeeded", requestCount: received, retryCount: 9, errorCount: 1 });
  });
});

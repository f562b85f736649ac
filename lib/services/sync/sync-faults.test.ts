import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDialpadConnection } from "@/db/queries/dialpad-connections";
import type { RunningEmulator } from "@/emulator/server";
import { createTestDb } from "@/tests/db";
import { executeSyncRun, type SyncRunOptions } from "./execute-sync-run";
import { createSyncRun, prepareNextRun } from "./plan-run";
import {
  admin,
  anchor,
  connectOrganization,
  createConnectedOrganization,
  dayMs,
  emulatorCalls,
  expectStoredCallsToMatch,
  expectedPageCount,
  fastClientFactory,
  startSyncEmulator,
} from "./testing/harness";

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

interface EmulatorStats {
  rateLimited: number;
  faultsInjected: number;
  refreshes: number;
  requests: Record<string, number>;
}

async function backfill(extra: SyncRunOptions = {}) {
  const db = createTestDb();
  const organizationId = await createConnectedOrganization(db, emulator);
  const run = await createSyncRun(db, organizationId, { kind: "backfill", trigger: "connect", rangeStart, rangeEnd: anchor, now: anchor });
  const options: SyncRunOptions = {
    createClient: fastClientFactory(emulator.url),
    pageSize,
    // One page per transaction, so faults can be injected between pages.
    commitRows: 1,
    refreshUsers: false,
    pageRetryDelayMs: 5,
    ...extra,
  };
  const before = await admin<EmulatorStats>(emulator, "/stats");
  const finished = await executeSyncRun(db, run!.id, options);
  const after = await admin<EmulatorStats>(emulator, "/stats");
  return { db, organizationId, finished: finished!, runId: run!.id, options, faults: after.faultsInjected - before.faultsInjected, stats: { before, after } };
}

async function expectComplete(db: Parameters<typeof expectStoredCallsToMatch>[0], organizationId: number) {
  await expectStoredCallsToMatch(db, organizationId, await emulatorCalls(emulator, rangeStart, anchor));
}

const fault = (spec: Record<string, unknown>) => admin(emulator, "/faults", { pathPrefix: "/api/v2/call", ...spec });

describe("sync under Dialpad faults", () => {
  it("rides out a burst of 5xx answers longer than one request's retry budget", async () => {
    await fault({ kind: "5xx", status: 503, times: 7 });
    const { db, organizationId, finished, faults } = await backfill();
    expect(faults).toBe(7);
    expect(finished).toMatchObject({ status: "succeeded", errorCount: 7 });
    await expectComplete(db, organizationId);
  });

  it("honours Retry-After through a storm of 429s", async () => {
    await fault({ kind: "429", times: 3, retryAfterSeconds: 1 });
    const started = Date.now();
    const { db, organizationId, finished, faults } = await backfill();
    expect(Date.now() - started).toBeGreaterThanOrEqual(3_000);
    expect(faults).toBe(3);
    expect(finished).toMatchObject({ status: "succeeded", errorCount: 3 });
    await expectComplete(db, organizationId);
  });

  it("times out hanging requests and retries them", async () => {
    await fault({ kind: "hang", times: 2, delayMs: 10_000 });
    const { db, organizationId, finished, faults } = await backfill();
    expect(faults).toBe(2);
    expect(finished).toMatchObject({ status: "succeeded", errorCount: 2 });
    await expectComplete(db, organizationId);
  });

  it("retries a truncated body", async () => {
    await fault({ kind: "malformed_json", times: 1 });
    const { db, organizationId, finished } = await backfill();
    expect(finished).toMatchObject({ status: "succeeded", errorCount: 1 });
    await expectComplete(db, organizationId);
  });

  it("refreshes a token that expires mid-run once, through the stored refresh token", async () => {
    let pagesSeen = 0;
    const { db, organizationId, finished, stats } = await backfill({
      onCommit: async () => {
        pagesSeen++;
        if (pagesSeen === 3) await admin(emulator, "/faults", { kind: "expire_tokens" });
      },
    });
    expect(stats.after.refreshes - stats.before.refreshes).toBe(1);
    expect(finished).toMatchObject({ status: "succeeded", errorCount: 0 });
    expect((await getDialpadConnection(db, organizationId))?.status).toBe("connected");
    await expectComplete(db, organizationId);
  });

  it("stops cleanly on invalid_grant, asks for a reconnect, and resumes after it without re-reading", async () => {
    let pagesSeen = 0;
    const { db, organizationId, finished, runId, options } = await backfill({
      onCommit: async () => {
        pagesSeen++;
        if (pagesSeen !== 3) return;
        await admin(emulator, "/faults", { kind: "invalid_grant", pathPrefix: "/oauth2/token" });
        await admin(emulator, "/faults", { kind: "expire_tokens" });
      },
    });
    expect(finished.status).toBe("failed");
    expect(finished.errorMessage).toMatch(/Reconnect Dialpad in Settings → Products/);
    expect(finished.isRetryable).toBe(false);
    const connection = await getDialpadConnection(db, organizationId);
    expect(connection?.status).toBe("reconnect_needed");
    expect(await prepareNextRun(db, organizationId, { trigger: "schedule", now: anchor })).toEqual({ idle: true });

    await connectOrganization(db, emulator, organizationId);
    const next = await prepareNextRun(db, organizationId, { trigger: "connect", now: anchor });
    expect("run" in next && next.run.id).toBe(runId);
    const resumed = await executeSyncRun(db, runId, { ...options, onCommit: undefined });
    const expected = await emulatorCalls(emulator, rangeStart, anchor);
    expect(resumed).toMatchObject({ status: "succeeded", errorMessage: null, pages: expectedPageCount(expected, rangeStart, anchor, pageSize) });
    await expectStoredCallsToMatch(db, organizationId, expected);
  });

  it("fails a run whose faults outlast every retry, and the next tick resumes it to the same result", async () => {
    await fault({ kind: "5xx", status: 502, times: 50 });
    const { db, organizationId, finished, runId, options } = await backfill({ maxPageAttempts: 2 });
    expect(finished).toMatchObject({ status: "failed", isRetryable: true });
    expect(finished.errorMessage).toMatch(/^Dialpad could not be reached or kept failing\. /);
    await fetch(`${emulator.url}/__admin/faults`, { method: "DELETE" });

    const next = await prepareNextRun(db, organizationId, { trigger: "schedule", now: anchor });
    expect("run" in next && next.run.id).toBe(runId);
    expect(await executeSyncRun(db, runId, options)).toMatchObject({ status: "succeeded", errorMessage: null });
    await expectComplete(db, organizationId);
  });
});
